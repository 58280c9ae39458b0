using System.Text;

namespace Raytio.Cypher.Tests;

/// <summary>Whatever the input, the parser answers with a query or a <see cref="CypherException"/>, never anything else.</summary>
public class FuzzTests
{
    private const int Iterations = 4000;

    private static readonly string[] Vocabulary =
    [
        "MATCH", "OPTIONAL", "WHERE", "WITH", "RETURN", "DISTINCT", "ORDER", "BY", "SKIP", "LIMIT", "ASC", "DESC", "UNION", "ALL",
        "AS", "AND", "OR", "XOR", "NOT", "IN", "STARTS", "ENDS", "CONTAINS", "IS", "NULL", "TRUE", "FALSE", "count", "CREATE",
        "SET", "DELETE", "DETACH", "CALL", "UNWIND", "CASE", "EXISTS", "shortestPath", "LOAD", "CSV", "DROP", "USER",
        "n", "m", "r", "`odd name`", "Person", "$p", "$0", "0", "1", "42", "1.5", ".5", "1e3", "9223372036854775808",
        "'s'", "\"d\"", "'\\u00e9'", "(", ")", "[", "]", "{", "}", ",", ".", "..", ":", "|", ";", "-", "->", "<-", "<", ">",
        "<=", ">=", "=", "<>", "+", "*", "/", "%", "^", "=~", "&", "!", "!=", "//c\n", "/*c*/", "\n", " ",
    ];

    private static readonly string[] Seeds =
    [
        "MATCH (a:Person {name: 'x'})-[r:KNOWS|LIKES *1..3]->(b) WHERE a.age > 3 AND NOT b.x IS NULL RETURN a, count(*) AS c ORDER BY c DESC SKIP 1 LIMIT 2",
        "OPTIONAL MATCH (a)<--(b), (c)--(d) WITH DISTINCT a, collect(b) AS bs WHERE size(bs) > 1 RETURN * UNION ALL RETURN 1 AS a;",
        "RETURN [1, -2.5, \"s\\n\", $p] AS l, toLower('X') STARTS WITH 'x' OR 1 < 2 <= 3",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_characters(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < Iterations; i++)
        {
            var bytes = new byte[random.Next(0, 80)];
            random.NextBytes(bytes);
            ParsesOrRefuses(Encoding.UTF8.GetString(bytes));
            ParsesOrRefuses(Encoding.Latin1.GetString(bytes));
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Random_token_sequences(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < Iterations; i++)
        {
            var words = Enumerable.Range(0, random.Next(1, 40)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]);
            ParsesOrRefuses(string.Join(random.Next(2) == 0 ? " " : "", words));
        }
    }

    /// <summary>Valid queries with characters deleted, duplicated or replaced: errors deep inside the grammar.</summary>
    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    public void Mutated_valid_queries(int seed)
    {
        var random = new Random(seed);
        foreach (var query in Seeds)
        {
            CypherParser.Parse(query);
        }
        for (var i = 0; i < Iterations; i++)
        {
            var text = new StringBuilder(Seeds[random.Next(Seeds.Length)]);
            for (var edits = random.Next(1, 4); edits > 0 && text.Length > 0; edits--)
            {
                var at = random.Next(text.Length);
                switch (random.Next(3))
                {
                    case 0:
                        text.Remove(at, 1);
                        break;
                    case 1:
                        text.Insert(at, text[random.Next(text.Length)]);
                        break;
                    default:
                        text[at] = (char)random.Next(32, 127);
                        break;
                }
            }
            ParsesOrRefuses(text.ToString());
        }
    }

    private static void ParsesOrRefuses(string text)
    {
        try
        {
            CypherParser.Parse(text);
        }
        catch (CypherException error)
        {
            Assert.Contains(error.Code, (string[])["query_syntax", "query_not_read_only", "query_unsupported"]);
            Assert.NotNull(error.Position);
        }
        catch (Exception other)
        {
            Assert.Fail($"{other.GetType().Name} for {System.Text.Json.JsonSerializer.Serialize(text)}: {other.Message}");
        }
    }
}
