using Raytio.JsonCsv.Json;

namespace Raytio.JsonCsv.JsonToCsvCore;

/// <summary>Lists the column keys one document produces, following expandNestedObjects and expandArrayObjects.</summary>
internal static class KeyCollector
{
    public static void Collect(JsNode document, bool expandNestedObjects, bool expandArrayObjects, OrderedKeySet into) =>
        CollectObject(document.Properties!, prefix: null, expandNestedObjects, expandArrayObjects, into);

    private static void CollectObject(JsObject properties, KeyPath? prefix, bool expandNested, bool expandArrays, OrderedKeySet into)
    {
        foreach (var (name, value) in properties.Properties)
        {
            var key = prefix is null ? KeyPath.FromSegments([name]) : prefix.Append(name);
            CollectValue(value, key, expandNested, expandArrays, into);
        }
    }

    private static void CollectValue(JsNode value, KeyPath key, bool expandNested, bool expandArrays, OrderedKeySet into)
    {
        if (value.Kind == JsKind.Object && value.Properties!.Count > 0 && expandNested)
        {
            CollectObject(value.Properties, key, expandNested, expandArrays, into);
        }
        else if (value.Kind == JsKind.Array && expandArrays)
        {
            // Each object element contributes its own keys below the array's key; any other element
            // (scalar, array, empty object) is output under the array's key itself; an empty array adds no key.
            foreach (var item in value.Items!)
            {
                if (item.Kind == JsKind.Object && item.Properties!.Count > 0)
                {
                    CollectObject(item.Properties, key, expandNested, expandArrays, into);
                }
                else
                {
                    into.Add(key);
                }
            }
        }
        else
        {
            into.Add(key);
        }
    }
}
