using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Raytio.Server.Hosting;

/// <summary>
/// Reads JsonNode, JsonObject and JsonArray through a JsonElement, so a repeated key is a
/// JsonException (a 400 naming it) instead of the ArgumentException the framework's node
/// converter throws while filling the object. Writing is the framework's.
/// </summary>
internal sealed class StrictJsonNodeConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert == typeof(JsonNode) || typeToConvert == typeof(JsonObject) || typeToConvert == typeof(JsonArray);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(NodeConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class NodeConverter<TNode> : JsonConverter<TNode> where TNode : JsonNode
    {
        public override TNode? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            // The element converter refuses keys repeated exactly when AllowDuplicateProperties is off.
            var element = JsonSerializer.Deserialize<JsonElement>(ref reader, options);
            var nodeOptions = new JsonNodeOptions { PropertyNameCaseInsensitive = options.PropertyNameCaseInsensitive };
            DuplicateKeys.Refuse(element, nodeOptions.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
            JsonNode? node = element.ValueKind switch
            {
                JsonValueKind.Object => JsonObject.Create(element, nodeOptions),
                JsonValueKind.Array => JsonArray.Create(element, nodeOptions),
                _ => JsonValue.Create(element, nodeOptions),
            };
            return node as TNode ?? throw new JsonException($"The JSON value could not be converted to {typeof(TNode)}.");
        }

        public override void Write(Utf8JsonWriter writer, TNode value, JsonSerializerOptions options) => value.WriteTo(writer, options);
    }
}
