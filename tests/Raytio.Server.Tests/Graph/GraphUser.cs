using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Graph;

/// <summary>A signed-in account as the graph tests use it: its u_id and its bearer identity token.</summary>
public sealed record GraphUser(Guid Id, string Bearer)
{
    public static async Task<GraphUser> CreateAsync(RaytioFactory app)
    {
        var (_, _, tokens) = await app.CreateSignedInUserAsync();
        return new GraphUser(Guid.Parse(TokenForge.SubjectOf(tokens.IdentityToken)), tokens.IdentityToken);
    }
}
