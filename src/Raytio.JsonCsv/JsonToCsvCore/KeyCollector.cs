using Raytio.JsonCsv.Json;

namespace Raytio.JsonCsv.JsonToCsvCore;

/// <summary>
/// Lists the column keys one document produces, following expandNestedObjects and expandArrayObjects. Keys are
/// kept in a tree of names so that the same key met in every document is built only once.
/// </summary>
internal sealed class KeyCollector(bool expandNestedObjects, bool expandArrayObjects)
{
    private readonly KeyNode _root = new(parent: null, name: string.Empty);

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

    private sealed class KeyNode(KeyNode? parent, string name)
    {
        private Dictionary<string, KeyNode>? _children;
        private KeyPath? _path;

        public KeyPath Path => _path ??= parent!.IsRoot ? KeyPath.FromSegments([name]) : parent.Path.Append(name);

        private bool IsRoot => parent is null;

        public KeyNode Child(string childName)
        {
            _children ??= new Dictionary<string, KeyNode>(StringComparer.Ordinal);
            if (!_children.TryGetValue(childName, out var child))
            {
                child = new KeyNode(this, childName);
                _children.Add(childName, child);
            }
            return child;
        }
    }
}
