using System.Text;
using Raytio.Testing;

namespace Raytio.Signing.Tests;

/// <summary>Compares this canonicalizer byte for byte with the npm `canonicalize` package on generated documents.</summary>
public class DifferentialCanonicalizationTests
{
    private const int DocumentCount = 100_000;
    private const int Seed = 8785;

    [Fact]
    public async Task Generated_documents_canonicalize_exactly_like_the_npm_canonicalize_package()
    {
        var generator = new TrickyJsonGenerator(Seed);
        // About one document in a hundred carries a lone surrogate, which both sides must reject.
        var documents = Enumerable.Range(0, DocumentCount).Select(i => generator.Next(loneSurrogate: i % 100 == 7)).ToArray();

        var nodeOutput = await NodeScript.RunAsync("signing/canonicalize-lines.mjs", string.Join('\n', documents) + "\n", TimeSpan.FromMinutes(3));
        var nodeLines = nodeOutput.Split('\n');

        Assert.Equal(DocumentCount, nodeLines.Length - 1);
        var mismatches = new List<string>();
        var rejected = 0;
        for (var i = 0; i < DocumentCount; i++)
        {
            var ours = CanonicalizeOrError(documents[i]);
            var theirs = nodeLines[i].StartsWith("!ERR", StringComparison.Ordinal) ? "!ERR" : nodeLines[i];
            rejected += ours == "!ERR" ? 1 : 0;
            if (ours != theirs && mismatches.Count < 5)
            {
                mismatches.Add($"#{i} input {documents[i]}\n  ours  {ours}\n  node  {nodeLines[i]}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        Assert.InRange(rejected, DocumentCount / 100, DocumentCount / 100 + 200);
    }

    private static string CanonicalizeOrError(string document)
    {
        try
        {
            return Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(document)));
        }
        catch (CanonicalizationException)
        {
            return "!ERR";
        }
    }
}
