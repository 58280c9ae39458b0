using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Raytio.Testing;

namespace Raytio.Server.Tests.Billing.StripeAdapter;

/// <summary>
/// Checks a form body against an operation's request schema in the contract Prism serves, as Prism
/// would, for the bodies Prism cannot read (deepObject arrays such as `items[0][price]`): every
/// name known, each value of its type or enum, the required fields present.
/// </summary>
public static partial class FormContract
{
    private static readonly Lazy<JsonObject> Contract = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Interop, StripeFakes.Contract)))!.AsObject());

    /// <summary>The violations of <paramref name="formBody"/> against the body of `{method} {path}` (empty when it conforms).</summary>
    public static List<string> Violations(string method, string path, string formBody)
    {
        var schema = Contract.Value["paths"]![path]![method]!["requestBody"]!["content"]!["application/x-www-form-urlencoded"]!["schema"]!;
        var tree = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, values) in QueryHelpers.ParseQuery(formBody))
        {
            Insert(tree, Segments(key), values.ToString());
        }
        var violations = new List<string>();
        Check(tree, schema, "body", violations);
        return violations;
    }

    private static List<string> Segments(string key)
    {
        var match = Key().Match(key);
        return [match.Groups[1].Value, .. match.Groups[2].Captures.Select(c => c.Value)];
    }

    private static void Insert(SortedDictionary<string, object> node, List<string> segments, string value)
    {
        if (segments.Count == 1)
        {
            node[segments[0]] = value;
            return;
        }
        if (!node.TryGetValue(segments[0], out var child) || child is not SortedDictionary<string, object> inner)
        {
            inner = new SortedDictionary<string, object>(StringComparer.Ordinal);
            node[segments[0]] = inner;
        }
        Insert(inner, segments[1..], value);
    }

    private static void Check(object value, JsonNode schema, string at, List<string> violations)
    {
        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            Check(value, Contract.Value["components"]!["schemas"]![reference.Split('/')[^1]]!, at, violations);
            return;
        }
        if (schema["anyOf"] is JsonArray alternatives)
        {
            var fits = alternatives.Any(alternative =>
            {
                var trial = new List<string>();
                Check(value, alternative!, at, trial);
                return trial.Count == 0;
            });
            if (!fits)
            {
                violations.Add($"{at}: fits none of its alternatives");
            }
            return;
        }
        var type = schema["type"]?.GetValue<string>() ?? "object";
        switch (type, value)
        {
            case ("object", SortedDictionary<string, object> fields):
                var properties = schema["properties"]?.AsObject();
                foreach (var (name, field) in fields)
                {
                    if (properties?[name] is { } property)
                    {
                        Check(field, property, $"{at}.{name}", violations);
                    }
                    else if (properties is not null)
                    {
                        violations.Add($"{at}.{name}: not a parameter of this operation");
                    }
                }
                foreach (var required in schema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
                {
                    if (!fields.ContainsKey(required))
                    {
                        violations.Add($"{at}.{required}: required");
                    }
                }
                break;
            case ("array", SortedDictionary<string, object> entries) when entries.Keys.All(k => int.TryParse(k, CultureInfo.InvariantCulture, out _)):
                foreach (var (index, entry) in entries)
                {
                    Check(entry, schema["items"]!, $"{at}[{index}]", violations);
                }
                break;
            case ("string", string text):
                if (schema["enum"] is JsonArray allowed && !allowed.Any(a => a!.GetValue<string>() == text))
                {
                    violations.Add($"{at}: '{text}' is not one of its values");
                }
                break;
            case ("integer", string text) when long.TryParse(text, CultureInfo.InvariantCulture, out _):
            case ("number", string number) when decimal.TryParse(number, CultureInfo.InvariantCulture, out _):
            case ("boolean", "true" or "false"):
                break;
            default:
                violations.Add($"{at}: not a {type}");
                break;
        }
    }

    [GeneratedRegex(@"^([^\[]+)(?:\[([^\]]*)\])*$")]
    private static partial Regex Key();
}
