using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.OpenApi;

/// <summary>What client generators need from /openapi/v1.json: ids, parameters, schemas and security.</summary>
public sealed class OpenApiDocumentTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Every_operation_has_a_unique_operation_id()
    {
        var (_, operations) = await OpenApiOperation.ReadAsync(app);

        Assert.All(operations, operation => Assert.False(string.IsNullOrEmpty(operation.Id), $"{operation.Method} {operation.Template}"));
        Assert.Equal(operations.Count, operations.Select(o => o.Id).Distinct().Count());
    }

    [Fact]
    public async Task Every_path_parameter_is_declared_and_the_version_is_v1_only()
    {
        var (_, operations) = await OpenApiOperation.ReadAsync(app);

        foreach (var operation in operations)
        {
            var declared = operation.Element.TryGetProperty("parameters", out var parameters)
                ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "path").ToDictionary(p => p.GetProperty("name").GetString()!)
                : [];
            var inTemplate = Regex.Matches(operation.Template, @"\{([^}]+)\}").Select(m => m.Groups[1].Value).ToList();
            Assert.True(inTemplate.Order().SequenceEqual(declared.Keys.Order()), $"{operation.Name}: template {string.Join(",", inTemplate)}, declared {string.Join(",", declared.Keys)}");
            if (declared.TryGetValue("version", out var version))
            {
                Assert.True(version.GetProperty("required").GetBoolean());
                Assert.Equal(["v1"], version.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
            }
        }
    }

    [Fact]
    public async Task Every_request_and_response_has_a_schema_and_errors_have_the_error_body()
    {
        var (_, operations) = await OpenApiOperation.ReadAsync(app);

        foreach (var operation in operations)
        {
            if (operation.Element.TryGetProperty("requestBody", out var body))
            {
                AssertEveryMediaTypeHasASchema(body, $"{operation.Name} request");
            }
            foreach (var response in operation.Element.GetProperty("responses").EnumerateObject())
            {
                var redirect = response.Name.StartsWith('3'); // the /l/ redirect: a Location header, no body
                if (!redirect)
                {
                    AssertEveryMediaTypeHasASchema(response.Value, $"{operation.Name} {response.Name}");
                }
                var readinessFailure = operation.Id == "readyz" && response.Name == "503";
                if (int.Parse(response.Name) >= 400 && !readinessFailure)
                {
                    var schema = response.Value.GetProperty("content").GetProperty("application/json").GetProperty("schema");
                    Assert.Equal("#/components/schemas/ApiErrorBody", schema.GetProperty("$ref").GetString());
                }
            }
        }
    }

    [Fact]
    public async Task The_bearer_scheme_is_required_exactly_by_the_operations_that_refuse_anonymous_callers()
    {
        var (document, operations) = await OpenApiOperation.ReadAsync(app);
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.Equal("JWT", scheme.GetProperty("bearerFormat").GetString());

        foreach (var operation in operations)
        {
            var path = operation.Template.Replace("{version}", "v1");
            var anonymous = await app.SendJsonTextAsync(new HttpMethod(operation.Method), path, "{}");
            var refused = anonymous.StatusCode == HttpStatusCode.Unauthorized
                && JsonDocument.Parse(await anonymous.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString() == "unauthorized";
            var security = operation.Element.TryGetProperty("security", out var requirements) ? Compact(requirements) : "none";
            Assert.True(refused == (security == """[{"bearer":[]}]"""), $"{operation.Name}: anonymous answer {(int)anonymous.StatusCode}, security {security}");
        }
    }

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);

    private static void AssertEveryMediaTypeHasASchema(JsonElement bodyOrResponse, string what)
    {
        Assert.True(bodyOrResponse.TryGetProperty("content", out var content), $"{what} has no content");
        var mediaTypes = content.EnumerateObject().ToList();
        Assert.NotEmpty(mediaTypes);
        Assert.All(mediaTypes, mediaType => Assert.True(mediaType.Value.TryGetProperty("schema", out _), $"{what} {mediaType.Name} has no schema"));
    }
}
