using System.Text.Json.Nodes;

namespace Raytio.Server.Tests.Cypher.Differential;

public sealed class ResultComparerTests
{
    [Fact]
    public void Unordered_rows_compare_as_multisets()
    {
        Assert.Null(ResultComparer.Difference(Answer("[[1,\"a\"],[2,\"b\"],[2,\"b\"]]"), Answer("[[2,\"b\"],[1,\"a\"],[2,\"b\"]]"), ordered: false));
        Assert.NotNull(ResultComparer.Difference(Answer("[[1],[2],[2]]"), Answer("[[1],[1],[2]]"), ordered: false));
        Assert.NotNull(ResultComparer.Difference(Answer("[[1],[2]]"), Answer("[[1],[2],[2]]"), ordered: false));
    }

    [Fact]
    public void Ordered_rows_compare_as_sequences()
    {
        Assert.Null(ResultComparer.Difference(Answer("[[1],[2]]"), Answer("[[1],[2]]"), ordered: true));
        Assert.NotNull(ResultComparer.Difference(Answer("[[1],[2]]"), Answer("[[2],[1]]"), ordered: true));
    }

    [Fact]
    public void Numbers_compare_by_value_to_twelve_significant_digits()
    {
        Assert.Null(ResultComparer.Difference(Answer("[[3]]"), Answer("[[3.0]]"), ordered: false));
        Assert.Null(ResultComparer.Difference(Answer("[[0.3333333333333333]]"), Answer("[[0.33333333333333326]]"), ordered: false));
        Assert.Null(ResultComparer.Difference(Answer("[[0]]"), Answer("[[-0.0]]"), ordered: false));
        Assert.NotNull(ResultComparer.Difference(Answer("[[0.333333]]"), Answer("[[0.333334]]"), ordered: false));
        Assert.NotNull(ResultComparer.Difference(Answer("[[1]]"), Answer("[[\"1\"]]"), ordered: false));
        Assert.NotNull(ResultComparer.Difference(Answer("[[1]]"), Answer("[[true]]"), ordered: false));
    }

    [Fact]
    public void Lists_compare_as_multisets_and_null_is_not_an_empty_list()
    {
        Assert.Null(ResultComparer.Difference(Answer("[[[3,1,2.0]]]"), Answer("[[[1,2,3]]]"), ordered: false));
        Assert.NotNull(ResultComparer.Difference(Answer("[[[1,1,2]]]"), Answer("[[[1,2,2]]]"), ordered: false));
        Assert.NotNull(ResultComparer.Difference(Answer("[[[]]]"), Answer("[[null]]"), ordered: false));
    }

    [Fact]
    public void Columns_and_errors_are_differences()
    {
        Assert.NotNull(ResultComparer.Difference(Answer("[[1]]", "a"), Answer("[[1]]", "b"), ordered: false));
        Assert.NotNull(ResultComparer.Difference(Answer("[[1]]"), QueryAnswer.Failed("boom"), ordered: false));
    }

    private static QueryAnswer Answer(string rows, string column = "c0") =>
        new([.. Enumerable.Repeat(column, JsonNode.Parse(rows)!.AsArray().FirstOrDefault()?.AsArray().Count ?? 1)], [.. JsonNode.Parse(rows)!.AsArray().Select(r => r!.AsArray())]);
}
