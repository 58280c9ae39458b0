using System.Text.Json.Nodes;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Groups;

/// <summary>Operation 51: `{"name": ...}`.</summary>
public sealed record CreateGroupRequest(string? Name = null)
{
    public const int MaxNameLength = 200;

    /// <summary>The trimmed name, 1-200 characters (Unicode scalar values); 400 naming `name` otherwise.</summary>
    public string CheckedName()
    {
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            throw ApiException.Invalid("name", "'name' is required.");
        }
        if (name.EnumerateRunes().Count() > MaxNameLength)
        {
            throw ApiException.Invalid("name", $"'name' must be at most {MaxNameLength} characters.");
        }
        return name;
    }

    public static string Properties(string name) => new JsonObject { ["name"] = name }.ToJsonString();
}
