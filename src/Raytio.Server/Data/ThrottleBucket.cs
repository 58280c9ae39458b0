namespace Raytio.Server.Data;

/// <summary>A fixed-window failure counter, in the database so that replicas share it.</summary>
public sealed class ThrottleBucket
{
    public required string Key { get; set; }

    public DateTime WindowStart { get; set; }

    public int Count { get; set; }
}
