using System.Text.Json.Serialization;

namespace Raytio.Server.Features.Graph;

/// <summary>A body naming one user, `{"u_id": ...}`: a new owner or a group member.</summary>
public sealed record UserIdRequest([property: JsonPropertyName("u_id")] string? UId = null)
{
    public const string Field = "u_id";

    /// <summary>The u_id; 400 naming `u_id` when it is missing or not a GUID.</summary>
    public Guid Required() => GraphIds.Parse(Field, UId);
}
