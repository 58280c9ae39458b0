using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Raytio.Signing;

/// <summary>
/// RFC 8785 JSON Canonicalization Scheme (JCS): members sorted by UTF-16 code units, no whitespace,
/// ECMAScript number formatting, minimal string escaping, UTF-8 output. Rejects what has no canonical
/// form: invalid JSON or UTF-8, duplicate keys, lone surrogates, numbers beyond the double range and
/// nesting deeper than <see cref="MaxDepth"/>.
/// </summary>
public static class JsonCanonicalizer
{
    /// <summary>Deepest accepted nesting of arrays and objects.</summary>
    public const int MaxDepth = CanonicalJsonWriter.MaxDepth;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="CanonicalizationException">The input has no canonical form.</exception>
    public static byte[] Canonicalize(ReadOnlySpan<byte> utf8Json)
    {
        using var output = new PooledByteBuffer(Math.Max(256, utf8Json.Length));
        using (var writer = new CanonicalJsonWriter(output))
        {
            writer.Write(utf8Json);
        }
        return output.ToArray();
    }

    /// <exception cref="CanonicalizationException">The input has no canonical form.</exception>
    public static byte[] Canonicalize(string json)
    {
        try
        {
            return Canonicalize(StrictUtf8.GetBytes(json));
        }
        catch (EncoderFallbackException e)
        {
            throw new CanonicalizationException("The JSON text contains a lone surrogate.", e);
        }
    }

    /// <summary>Reads the stream to its end and canonicalizes its UTF-8 content.</summary>
    /// <exception cref="CanonicalizationException">The input has no canonical form.</exception>
    public static async Task<byte[]> CanonicalizeAsync(Stream utf8Json, CancellationToken cancellationToken)
    {
        using var input = new PooledByteBuffer(64 * 1024);
        while (true)
        {
            var read = await utf8Json.ReadAsync(input.GetMemory(16 * 1024), cancellationToken);
            if (read == 0)
            {
                return Canonicalize(input.WrittenSpan);
            }
            input.Advance(read);
        }
    }

    /// <exception cref="CanonicalizationException">The input has no canonical form.</exception>
    public static byte[] Canonicalize(JsonElement element) =>
        // The raw text keeps the original escapes, so lone surrogates are still detected.
        Canonicalize(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element));

    /// <exception cref="CanonicalizationException">The input has no canonical form.</exception>
    public static byte[] Canonicalize(JsonNode? node)
    {
        // The writer silently replaces lone surrogates with U+FFFD, so check strings first.
        RejectLoneSurrogates(node, depth: 0);
        var json = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(json, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = MaxDepth }))
        {
            if (node is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                node.WriteTo(writer);
            }
        }
        return Canonicalize(json.WrittenSpan);
    }

    private static void RejectLoneSurrogates(JsonNode? node, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new CanonicalizationException($"The JSON nests deeper than {MaxDepth} levels.");
        }
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    RejectLoneSurrogates(name);
                    RejectLoneSurrogates(value, depth + 1);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    RejectLoneSurrogates(item, depth + 1);
                }
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                RejectLoneSurrogates(ReadString(value));
                break;
        }
    }

    private static string ReadString(JsonValue value)
    {
        try
        {
            return value.GetValue<string>();
        }
        catch (InvalidOperationException e)
        {
            // A parsed value whose escapes do not decode to valid UTF-16.
            throw new CanonicalizationException("A string contains a lone surrogate; RFC 8785 requires well-formed Unicode.", e);
        }
    }

    private static void RejectLoneSurrogates(string text)
    {
        try
        {
            StrictUtf8.GetByteCount(text);
        }
        catch (EncoderFallbackException e)
        {
            throw new CanonicalizationException("A string contains a lone surrogate; RFC 8785 requires well-formed Unicode.", e);
        }
    }
}
