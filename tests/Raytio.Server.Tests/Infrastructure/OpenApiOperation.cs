using System.Text.Json;
using System.Text.RegularExpressions;

namespace Raytio.Server.Tests.Infrastructure;

/// <summary>One operation of the served OpenAPI document.</summary>
public sealed class OpenApiOperation(string method, string template, JsonElement operation)
{
    private readonly Regex _path = new("^" + Regex.Replace(template, @"\{[^}]+\}|[^{]+",
        part => part.Value.StartsWith('{') ? "[^/]+" : Regex.Escape(part.Value)) + "$");

    public string Method { get; } = method;

    public string Template { get; } = template;

    public JsonElement Element { get; } = operation;

    public string? Id => Element.TryGetProperty("operationId", out var id) ? id.GetString() : null;

    public string Name => Id ?? $"{Method} {Template}";

    public IReadOnlySet<int> Statuses { get; } = operation.GetProperty("responses").EnumerateObject().Select(r => int.Parse(r.Name)).ToHashSet();

    public bool Answers(string method, string requestPath) => string.Equals(method, Method, StringComparison.OrdinalIgnoreCase) && _path.IsMatch(requestPath);

    /// <summary>Every operation of the document the host serves at /openapi/v1.json.</summary>
    public static async Task<(JsonElement Document, IReadOnlyList<OpenApiOperation> Operations)> ReadAsync(RaytioFactory app)
    {
        var document = await (await app.GetAsync("/openapi/v1.json")).AssertOkAsync();
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(member => member.Name is "get" or "put" or "post" or "delete" or "patch")
                .Select(member => new OpenApiOperation(member.Name.ToUpperInvariant(), path.Name, member.Value)))
            .ToList();
        return (document, operations);
    }
}
