using System.Text.Json;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Testing;

namespace Raytio.Server.Tests.Schemas;

/// <summary>
/// Operation 45 against an independent draft-07 implementation, ajv (strict off, formats from
/// ajv-formats): generated schemas and documents must get the same verdict from both. The few
/// places where the two disagree by design are pinned in <see cref="AjvDeliberateDifferenceTests"/>
/// and kept out of the generator.
/// </summary>
public sealed class AjvDifferentialTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    private const int SchemaCount = 160;
    private const int DocumentsPerSchema = 10;

    [Theory]
    [InlineData(20261127)]
    [InlineData(7)]
    public async Task Generated_schemas_and_documents_get_the_same_verdicts_as_from_ajv(int seed)
    {
        var (_, _, user) = await app.CreateSignedInUserAsync();
        var generator = new RandomSchemas(seed);
        var cases = new List<(string Name, string Schema, List<string> Documents)>();
        for (var index = 0; index < SchemaCount; index++)
        {
            var schema = generator.Schema();
            var name = $"generated_{seed}_{index}";
            var text = schema.ToJsonString();
            await app.CreatedAsync(user.IdentityToken, name, "us", text);
            cases.Add((name, text, generator.Documents(schema, DocumentsPerSchema)));
        }

        var ajv = await AjvVerdictsAsync(cases.Select(c => (c.Schema, (IReadOnlyList<string>)c.Documents)));

        var differences = new List<string>();
        var counts = new Dictionary<bool, int> { [true] = 0, [false] = 0 };
        for (var index = 0; index < cases.Count; index++)
        {
            var (name, schema, documents) = cases[index];
            for (var document = 0; document < documents.Count; document++)
            {
                var ours = await (await app.ValidateAsync(user.IdentityToken, "us", name, documents[document])).AssertOkAsync();
                var valid = ours.GetProperty("valid").GetBoolean();
                counts[valid]++;
                if (valid != ajv[index][document])
                {
                    differences.Add($"schema {schema}\n  document {documents[document]}\n  ours {valid} ({ours}), ajv {ajv[index][document]}");
                }
            }
        }

        Assert.True(differences.Count == 0, $"{differences.Count} verdicts differ:\n" + string.Join("\n", differences.Take(20)));
        // Both verdicts are common, so agreement is not a constant answer.
        Assert.True(counts[true] > SchemaCount && counts[false] > SchemaCount, $"valid {counts[true]}, invalid {counts[false]}");
    }

    /// <summary>ajv's verdict for each document of each schema; a schema ajv refuses fails the test.</summary>
    internal static async Task<List<bool[]>> AjvVerdictsAsync(IEnumerable<(string Schema, IReadOnlyList<string> Documents)> cases)
    {
        var input = JsonSerializer.Serialize(new { cases = cases.Select(c => new { schema = c.Schema, documents = c.Documents }) });
        var output = JsonDocument.Parse(await NodeScript.RunAsync("schemas/ajv-verdicts.mjs", input)).RootElement;
        return [.. output.GetProperty("results").EnumerateArray().Select(result =>
            result.TryGetProperty("error", out var error)
                ? throw new Xunit.Sdk.XunitException("ajv refused a schema: " + error.GetString())
                : result.GetProperty("verdicts").EnumerateArray().Select(v => v.GetBoolean()).ToArray())];
    }
}
