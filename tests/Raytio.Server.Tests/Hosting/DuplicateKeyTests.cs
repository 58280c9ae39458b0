using System.Net;
using System.Text.Json;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Hosting;

/// <summary>A JSON object that repeats a key is a 400 naming the key, wherever the API reads JSON.</summary>
public sealed partial class DuplicateKeyTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Every_operation_taking_a_json_body_refuses_a_repeated_key()
    {
        var caller = await GraphUser.CreateAsync(app);
        var (document, operations) = await OpenApiOperation.ReadAsync(app);
        var withJsonBodies = operations.Where(TakesJson).ToList();
        Assert.True(withJsonBodies.Count > 40, $"only {withJsonBodies.Count} operations take JSON");

        var failures = new List<string>();
        foreach (var operation in withJsonBodies)
        {
            var path = RouteValue().Replace(operation.Template.Replace("{version}", "v1", StringComparison.Ordinal), "00000000-0000-4000-8000-000000000001");
            // A typed body skips keys it does not know, so the key repeated is one the operation reads.
            var key = DeclaredProperties(document, operation).FirstOrDefault() ?? "org_id";
            var response = await app.SendJsonTextAsync(new HttpMethod(operation.Method), path, $$"""{"{{key}}":null,"{{key}}":null}""", caller.Bearer);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.BadRequest || !text.Contains("\"duplicate_key\"", StringComparison.Ordinal))
                failures.Add($"{operation.Name}: {(int)response.StatusCode} {text}");
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task The_error_names_the_repeated_key_however_deep()
    {
        var caller = await GraphUser.CreateAsync(app);
        var response = await app.SendJsonTextAsync(HttpMethod.Post, "/db/v1/profile_objects",
            """[{"labels":["ss_Person_Name"],"properties":{"first_name":"Ana","first_name":"Bea"}}]""", caller.Bearer);

        var body = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "duplicate_key");
        Assert.Equal("The key 'first_name' appears more than once in one object.", body.GetProperty("message").GetString());
        Assert.True(body.GetProperty("errors").TryGetProperty("first_name", out _));
    }

    [Fact]
    public async Task Keys_differing_only_in_case_are_repeats_where_the_body_is_read_without_regard_to_case()
    {
        var caller = await GraphUser.CreateAsync(app);
        var response = await app.SendJsonTextAsync(HttpMethod.Post, "/twilio/v1/verify",
            """{"to":"+64211234567","To":"+64211234568","channel":"sms"}""", caller.Bearer);

        var body = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "duplicate_key");
        Assert.True(body.GetProperty("errors").TryGetProperty("To", out _));
    }

    [Fact]
    public async Task Json_in_a_query_parameter_refuses_a_repeated_key()
    {
        var caller = await GraphUser.CreateAsync(app);
        var map = Uri.EscapeDataString("""{"key":"n_id","key":"entity_name"}""");

        var response = await app.SendJsonTextAsync(HttpMethod.Post, $"/db/v1/profile_objects/read?format=kvp&format_map={map}", "{}", caller.Bearer);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    private static IEnumerable<string> DeclaredProperties(JsonElement document, OpenApiOperation operation)
    {
        var schema = operation.Element.GetProperty("requestBody").GetProperty("content").EnumerateObject().First().Value.GetProperty("schema");
        // An optional body is declared as one of its type and null.
        foreach (var choice in new[] { "anyOf", "oneOf" })
        {
            if (schema.TryGetProperty(choice, out var choices))
                schema = choices.EnumerateArray().FirstOrDefault(c => c.TryGetProperty("$ref", out _), schema);
        }
        if (schema.TryGetProperty("$ref", out var reference))
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        return schema.TryGetProperty("properties", out var properties) ? properties.EnumerateObject().Select(p => p.Name) : [];
    }

    private static bool TakesJson(OpenApiOperation operation) =>
        operation.Element.TryGetProperty("requestBody", out var body)
        && body.GetProperty("content").EnumerateObject().Any(content => content.Name.Contains("json", StringComparison.Ordinal));

    [System.Text.RegularExpressions.GeneratedRegex(@"\{[^}]+\}")]
    private static partial System.Text.RegularExpressions.Regex RouteValue();
}
