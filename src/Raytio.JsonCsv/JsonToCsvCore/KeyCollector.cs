using Raytio.JsonCsv.Json;

namespace Raytio.JsonCsv.JsonToCsvCore;

/// <summary>Lists the column keys one document produces, following expandNestedObjects and expandArrayObjects.</summary>
internal sealed class KeyCollector(bool expandNestedObjects, bool expandArrayObjects)
{
    private readonly KeyNode _root = new();

    public void Collect(JsNode document, OrderedKeySet into) => CollectObject(document.Properties!, _root, into);

    private void CollectObject(JsObject properties, KeyNode prefix, OrderedKeySet into)
    {
        foreach (var (name, value) in properties.Properties)
        {
            CollectValue(value, prefix.Child(name), into);
        }
    }

    private void CollectValue(JsNode value, KeyNode key, OrderedKeySet into)
    {
        if (value.Kind == JsKind.Object && value.Properties!.Count > 0 && expandNestedObjects)
        {
            CollectObject(value.Properties, key, into);
        }
        else if (value.Kind == JsKind.Array && expandArrayObjects)
        {
            // Each object element contributes its own keys below the array's key; any other element
            // (scalar, array, empty object) is output under the array's key itself; an empty array adds no key.
            foreach (var item in value.Items!)
            {
                if (item.Kind == JsKind.Object && item.Properties!.Count > 0)
                {
                    CollectObject(item.Properties, key, into);
                }
                else
                {
                    into.Add(key.Path);
                }
            }
        }
        else
        {
            into.Add(key.Path);
        }
    }
}
