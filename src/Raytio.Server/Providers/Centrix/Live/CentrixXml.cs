using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Raytio.Server.Providers.Centrix.Live;

/// <summary>
/// Reads a Centrix (WCF DataContract) answer into the reference's records, which use Centrix's
/// element names: guided by the record's type, an element's child of the same local name (any
/// namespace) fills each property, a list's items are the element's children, `xsi:nil` and
/// absent elements are null, dates keep their calendar day. A shape that does not fit is
/// <see cref="CentrixSoap.Unreadable"/>.
/// </summary>
public static class CentrixXml
{
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public static T Read<T>(XElement element)
    {
        try
        {
            return ToJson(element, typeof(T)).Deserialize<T>(CentrixJson.Options) ?? throw CentrixSoap.Unreadable();
        }
        catch (Exception wrong) when (wrong is JsonException or FormatException or OverflowException or NotSupportedException)
        {
            throw CentrixSoap.Unreadable(wrong);
        }
    }

    /// <summary>The child of <paramref name="parent"/> with this local name, or null.</summary>
    public static XElement? Child(XElement? parent, string name) => parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private static JsonNode? ToJson(XElement element, Type type)
    {
        if ((string?)element.Attribute(Xsi + "nil") == "true")
        {
            return null;
        }
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type == typeof(Guid) || type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return JsonValue.Create(element.Value.Trim());
        }
        if (type == typeof(DateOnly))
        {
            var text = element.Value.Trim();
            return JsonValue.Create(text.Length > 10 ? text[..10] : text);
        }
        if (type == typeof(bool))
        {
            return JsonValue.Create(element.Value.Trim() is "true" or "1");
        }
        if (type == typeof(int) || type == typeof(long) || type == typeof(decimal))
        {
            return JsonValue.Create(decimal.Parse(element.Value.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture));
        }
        if (ItemType(type) is { } item)
        {
            return new JsonArray([.. element.Elements().Select(child => ToJson(child, item))]);
        }
        var json = new JsonObject();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (Child(element, property.Name) is { } child)
            {
                json[property.Name] = ToJson(child, property.PropertyType);
            }
        }
        return json;
    }

    private static Type? ItemType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : null;
}
