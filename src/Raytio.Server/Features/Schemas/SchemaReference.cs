namespace Raytio.Server.Features.Schemas;

/// <summary>What a `$ref` names, read relative to the URI of the schema that holds it.</summary>
internal abstract record SchemaReference
{
    public const string Draft07MetaSchema = "http://json-schema.org/draft-07/schema";

    /// <summary>A place in the same document: "" (its root), a JSON pointer "/definitions/x", or a plain name ("#name").</summary>
    public sealed record Internal(string Fragment) : SchemaReference
    {
        public bool IsPointer => Fragment.Length == 0 || Fragment[0] == '/';
    }

    /// <summary>Another schema of this installation, as a whole.</summary>
    public sealed record Stored(SchemaName Name) : SchemaReference;

    /// <summary>The draft-07 meta-schema, which every validator knows.</summary>
    public sealed record MetaSchema : SchemaReference;

    public sealed record Refused(string Reason) : SchemaReference;

    public static SchemaReference Classify(string reference, Uri host, Uri idBase)
    {
        if (reference.StartsWith('#'))
        {
            return new Internal(Uri.UnescapeDataString(reference[1..]));
        }
        if (!Uri.TryCreate(host, reference, out var target))
        {
            return new Refused("is not a URI reference");
        }
        var document = WithoutFragment(target);
        var fragment = target.Fragment.Length > 1 ? Uri.UnescapeDataString(target.Fragment[1..]) : "";
        if (document == WithoutFragment(host))
        {
            return new Internal(fragment);
        }
        if (document == Draft07MetaSchema)
        {
            return new MetaSchema();
        }
        var schemas = WithoutFragment(idBase) + "schema/";
        if (!document.StartsWith(schemas, StringComparison.Ordinal) || !string.IsNullOrEmpty(target.Query))
        {
            return new Refused($"names no schema of this installation (they are {schemas}{{type}}/{{name}}, or relative: ../ss/NZ_Person)");
        }
        var path = document[schemas.Length..].Split('/');
        if (path.Length != 2 || path[0] == SchemaType.Other || SchemaName.ParseFull($"{path[0]}_{path[1]}") is not { } name)
        {
            return new Refused($"names no schema of this installation (expected {schemas}{{ss|ps|us}}/{{name}})");
        }
        if (fragment.Length > 0)
        {
            return new Refused("names a part of another schema; refer to the whole schema (move shared parts into a schema of their own)");
        }
        return new Stored(name);
    }

    private static string WithoutFragment(Uri uri) => uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.Fragment, UriFormat.UriEscaped);
}
