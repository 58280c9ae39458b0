using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Raytio.Server.Features.Auth;

/// <summary>
/// The kid in the header of a bearer JWT, read before validation without parsing the rest of the
/// token, so that the key snapshot can be refreshed asynchronously for an unknown kid.
/// </summary>
internal static class BearerKid
{
    private const string Scheme = "Bearer ";
    private const int MaximumHeaderChars = 2048;

    /// <summary>Null when the header holds no bearer token or no readable kid; validation then decides.</summary>
    public static string? Of(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var token = authorization.AsSpan(Scheme.Length).Trim();
        var dot = token.IndexOf('.');
        if (dot <= 0 || dot > MaximumHeaderChars)
        {
            return null;
        }
        var encoded = token[..dot];
        if (!Base64Url.IsValid(encoded, out var length))
        {
            return null;
        }
        Span<byte> header = stackalloc byte[length];
        return Base64Url.TryDecodeFromChars(encoded, header, out var written) ? KidIn(header[..written]) : null;
    }

    private static string? KidIn(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isKid = reader.ValueTextEquals("kid"u8);
                reader.Read();
                if (isKid)
                {
                    // Our kids are base64url thumbprints: an escaped value (which may not even decode,
                    // e.g. a lone surrogate) is not one of them.
                    return reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped ? Encoding.UTF8.GetString(reader.ValueSpan) : null;
                }
                reader.Skip();
            }
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
