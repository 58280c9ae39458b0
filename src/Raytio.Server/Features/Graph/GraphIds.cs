using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Graph;

/// <summary>Identifiers as requests give them (route values and body fields), checked at the edge.</summary>
public static class GraphIds
{
    /// <summary>A GUID named <paramref name="field"/>; 400 naming the field when missing or malformed.</summary>
    public static Guid Parse(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw ApiException.Invalid(field, $"'{field}' is required.");
        }
        return Guid.TryParse(text, out var id) ? id : throw ApiException.Invalid(field, $"'{field}' must be a GUID.");
    }

    /// <summary>A g_id: a GUID or the word PUBLIC.</summary>
    public static Guid ParseGroup(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw ApiException.Invalid(field, $"'{field}' is required.");
        }
        return PublicGroup.TryParseGroupId(text, out var id) ? id : throw ApiException.Invalid(field, $"'{field}' must be a GUID or PUBLIC.");
    }
}
