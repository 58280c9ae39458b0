using System.Text.Json.Nodes;
using Raytio.Server.Features.AccessApplications;
using Raytio.Server.Hosting;

namespace Raytio.Server.Tests.AccessApplications;

/// <summary>The state machine's rules (docs/SHARING.md "Rules"), without a host.</summary>
public sealed class ApplicationTransitionsTests
{
    private static ApplicationTransitions Parse(string json) => ApplicationTransitions.Parse(JsonNode.Parse(json));

    private static string FieldOf(string json)
    {
        var failure = Assert.Throws<ApiException>(() => Parse(json));
        Assert.Equal(400, failure.Status);
        return Assert.Single(failure.Errors!).Key;
    }

    [Fact]
    public void Absent_null_or_empty_transitions_are_the_default_machine()
    {
        foreach (var machine in new[] { ApplicationTransitions.Parse(null), Parse("null"), Parse("[]") })
        {
            Assert.Equal("Submitted", machine.InitialState);
            Assert.Empty(machine.Edges);
            Assert.Empty(machine.NextStates("Submitted"));
            Assert.Equal("[]", machine.ToJson().ToJsonString());
        }
    }

    [Fact]
    public void The_first_state_is_initial_and_next_states_arrays_give_several_edges()
    {
        var machine = Parse("""
            [{"state":"Submitted","next_states":[{"state":"Processing"},{"state":"Rejected"}]},
             {"state":"Processing","next_states":{"state":"Done","actions":[{"method":"webhook","destinations":["https://hooks.example/x"]}]}}]
            """);

        Assert.Equal("Submitted", machine.InitialState);
        Assert.Equal(["Processing", "Rejected"], machine.NextStates("Submitted"));
        Assert.Empty(machine.NextStates("Done"));
        Assert.Equal("webhook", Assert.Single(machine.Edge("Processing", "Done")!.Actions).Method);
        Assert.Null(machine.Edge("Submitted", "Done"));
        // Stored one item per edge, and read back as the same machine.
        var stored = machine.ToJson();
        Assert.Equal(3, stored.Count);
        Assert.Equal(machine.Edges, ApplicationTransitions.FromStored(stored.ToJsonString()).Edges, new EdgeComparer());
    }

    [Theory]
    [InlineData("""[{"state":"A","next_states":{"state":"B"}},{"state":"A","next_states":{"state":"B"}}]""", "transitions[1]")]
    [InlineData("""[{"state":"A","next_states":[{"state":"B"},{"state":"B"}]}]""", "transitions[0]")]
    [InlineData("""[{"state":"A","next_states":{"state":"B"}},{"state":"C","next_states":{"state":"A"}}]""", "transitions")]
    [InlineData("""{"state":"A"}""", "transitions")]
    [InlineData("""["A"]""", "transitions[0]")]
    [InlineData("""[{"state":"","next_states":{"state":"B"}}]""", "transitions[0].state")]
    [InlineData("""[{"state":"A","next_states":[]}]""", "transitions[0].next_states")]
    [InlineData("""[{"state":"A","next_states":{"state":"B","actions":[{"method":"sms","destinations":["x"]}]}}]""", "transitions[0].next_states.actions[0].method")]
    [InlineData("""[{"state":"A","next_states":{"state":"B","actions":[{"method":"email","destinations":["not an email"]}]}}]""", "transitions[0].next_states.actions[0].destinations[0]")]
    [InlineData("""[{"state":"A","next_states":{"state":"B","actions":[{"method":"webhook","destinations":["http://hooks.example/"]}]}}]""", "transitions[0].next_states.actions[0].destinations[0]")]
    [InlineData("""[{"state":"A","next_states":{"state":"B","actions":[{"method":"email","destinations":[]}]}}]""", "transitions[0].next_states.actions[0].destinations")]
    [InlineData("""[{"state":"A","next_states":{"state":"B","actions":[{"method":"email","destinations":["a@example.com"],"template":7}]}}]""", "transitions[0].next_states.actions[0].template")]
    public void Bad_machines_answer_400_naming_the_place(string json, string field) => Assert.Equal(field, FieldOf(json));

    [Fact]
    public void Webhooks_may_use_http_only_on_loopback()
    {
        Assert.True(ApplicationTransitions.IsWebhookUrl("http://127.0.0.1:9000/hook"));
        Assert.True(ApplicationTransitions.IsWebhookUrl("https://hooks.example/x"));
        Assert.False(ApplicationTransitions.IsWebhookUrl("http://hooks.example/x"));
        Assert.False(ApplicationTransitions.IsWebhookUrl("https://user:pw@hooks.example/x"));
    }

    private sealed class EdgeComparer : IEqualityComparer<TransitionEdge>
    {
        public bool Equals(TransitionEdge? x, TransitionEdge? y) =>
            x is not null && y is not null && x.From == y.From && x.To == y.To && x.Actions.SequenceEqual(y.Actions, new ActionComparer());

        public int GetHashCode(TransitionEdge obj) => HashCode.Combine(obj.From, obj.To);
    }

    private sealed class ActionComparer : IEqualityComparer<TransitionAction>
    {
        public bool Equals(TransitionAction? x, TransitionAction? y) =>
            x is not null && y is not null && x.Method == y.Method && x.Template == y.Template && x.Destinations.SequenceEqual(y.Destinations);

        public int GetHashCode(TransitionAction obj) => obj.Method.GetHashCode(StringComparison.Ordinal);
    }
}
