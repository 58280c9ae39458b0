namespace Raytio.Server.Features.Graph;

/// <summary>Relationships made by a request of their own (not by a cascade): each is its own origin.</summary>
public static class DirectRelationship
{
    public static GraphRelationship Create(long startId, long endId, string type, DateTime now)
    {
        var pId = Guid.NewGuid();
        return new GraphRelationship { PId = pId, OriginId = pId, StartId = startId, EndId = endId, Type = type, CreatedAt = now };
    }
}
