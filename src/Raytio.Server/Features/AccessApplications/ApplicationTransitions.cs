using System.Net.Mail;
using System.Text.Json.Nodes;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.AccessApplications;

/// <summary>What a transition does when taken: send its template to the destinations by email, or POST the event to them.</summary>
public sealed record TransitionAction(string Method, IReadOnlyList<string> Destinations, string? Template)
{
    public const string Email = "email";
    public const string Webhook = "webhook";
}

/// <summary>One allowed move of an instance's `_state`, with the actions it triggers.</summary>
public sealed record TransitionEdge(string From, string To, IReadOnlyList<TransitionAction> Actions);

/// <summary>
/// An application's state machine (docs/SHARING.md "Rules"), in the reference's shape: a list of
/// `{state, next_states: {state, actions}}`, one edge per item (a `next_states` array gives
/// several). The first `state` is where instances start (`Submitted` when none is given); every
/// state must be reachable from it and no edge may appear twice; a state without edges is final.
/// </summary>
public sealed class ApplicationTransitions
{
    public const string Field = "transitions";
    public const string DefaultInitialState = "Submitted";
    public const int MaxEdges = 200;
    public const int MaxActionsPerEdge = 10;
    public const int MaxDestinations = 20;
    public const int MaxStateLength = 100;
    public const int MaxTemplateLength = 10_000;

    private ApplicationTransitions(string initialState, IReadOnlyList<TransitionEdge> edges)
    {
        InitialState = initialState;
        Edges = edges;
    }

    public string InitialState { get; }

    public IReadOnlyList<TransitionEdge> Edges { get; }

    /// <summary>The states an instance in <paramref name="from"/> may move to, in the order given.</summary>
    public IReadOnlyList<string> NextStates(string from) => [.. Edges.Where(e => e.From == from).Select(e => e.To)];

    public TransitionEdge? Edge(string from, string to) => Edges.FirstOrDefault(e => e.From == from && e.To == to);

    /// <summary>Validates a request's transitions (absent or null: the default machine); 400 naming `transitions[i]...` otherwise.</summary>
    public static ApplicationTransitions Parse(JsonNode? node)
    {
        if (node is null)
        {
            return new ApplicationTransitions(DefaultInitialState, []);
        }
        if (node is not JsonArray items)
        {
            throw ApiException.Invalid(Field, "'transitions' must be an array of {state, next_states}.");
        }
        if (items.Count == 0)
        {
            return new ApplicationTransitions(DefaultInitialState, []);
        }
        var edges = new List<TransitionEdge>();
        for (var i = 0; i < items.Count; i++)
        {
            var at = $"{Field}[{i}]";
            if (items[i] is not JsonObject item)
            {
                throw ApiException.Invalid(at, $"'{at}' must be an object {{state, next_states}}.");
            }
            var from = State(item["state"], $"{at}.state");
            foreach (var (next, nextAt) in NextStates(item["next_states"], $"{at}.next_states"))
            {
                var edge = new TransitionEdge(from, State(next["state"], $"{nextAt}.state"), Actions(next["actions"], $"{nextAt}.actions"));
                if (edges.Any(e => e.From == edge.From && e.To == edge.To))
                {
                    throw ApiException.Invalid(at, $"'{at}' repeats the transition from '{edge.From}' to '{edge.To}'.");
                }
                edges.Add(edge);
                if (edges.Count > MaxEdges)
                {
                    throw ApiException.Invalid(Field, $"'transitions' may hold at most {MaxEdges} transitions.");
                }
            }
        }
        var machine = new ApplicationTransitions(edges[0].From, edges);
        machine.RequireReachable();
        return machine;
    }

    /// <summary>The machine as stored by <see cref="ToJson"/> (validated when it was written).</summary>
    public static ApplicationTransitions FromStored(string json) => Parse(JsonNode.Parse(json));

    /// <summary>The stored and answered form: the reference's shape, one item per edge.</summary>
    public JsonArray ToJson() => [.. Edges.Select(e => (JsonNode)new JsonObject
    {
        ["state"] = e.From,
        ["next_states"] = new JsonObject
        {
            ["state"] = e.To,
            ["actions"] = new JsonArray([.. e.Actions.Select(a => (JsonNode)new JsonObject
            {
                ["method"] = a.Method,
                ["destinations"] = new JsonArray([.. a.Destinations.Select(d => (JsonNode)JsonValue.Create(d))]),
                ["template"] = a.Template,
            })]),
        },
    })];

    private void RequireReachable()
    {
        var reached = new HashSet<string>(StringComparer.Ordinal) { InitialState };
        var frontier = new Queue<string>([InitialState]);
        while (frontier.TryDequeue(out var state))
        {
            foreach (var next in NextStates(state).Where(reached.Add))
            {
                frontier.Enqueue(next);
            }
        }
        for (var i = 0; i < Edges.Count; i++)
        {
            if (!reached.Contains(Edges[i].From))
            {
                throw ApiException.Invalid(Field, $"State '{Edges[i].From}' cannot be reached from the first state '{InitialState}'.");
            }
        }
    }

    private static IEnumerable<(JsonObject Next, string At)> NextStates(JsonNode? node, string at)
    {
        switch (node)
        {
            case JsonObject single:
                return [(single, at)];
            case JsonArray { Count: > 0 } many:
                return many.Select((n, j) => n is JsonObject next
                    ? (next, $"{at}[{j}]")
                    : throw ApiException.Invalid($"{at}[{j}]", $"'{at}[{j}]' must be an object {{state, actions}}."));
            default:
                throw ApiException.Invalid(at, $"'{at}' must be an object {{state, actions}} or a non-empty array of them.");
        }
    }

    private static string State(JsonNode? node, string at) =>
        node is JsonValue value && value.TryGetValue<string>(out var state) && state.Trim().Length > 0 && state.Length <= MaxStateLength
            ? state
            : throw ApiException.Invalid(at, $"'{at}' must be a non-empty string of at most {MaxStateLength} characters.");

    private static List<TransitionAction> Actions(JsonNode? node, string at)
    {
        if (node is null)
        {
            return [];
        }
        if (node is not JsonArray actions || actions.Count > MaxActionsPerEdge)
        {
            throw ApiException.Invalid(at, $"'{at}' must be an array of at most {MaxActionsPerEdge} actions.");
        }
        return [.. actions.Select((a, k) => Action(a, $"{at}[{k}]"))];
    }

    private static TransitionAction Action(JsonNode? node, string at)
    {
        if (node is not JsonObject action)
        {
            throw ApiException.Invalid(at, $"'{at}' must be an object {{method, destinations, template}}.");
        }
        var method = action["method"] is JsonValue m && m.TryGetValue<string>(out var text) ? text : null;
        if (method is not (TransitionAction.Email or TransitionAction.Webhook))
        {
            throw ApiException.Invalid($"{at}.method", $"'{at}.method' must be \"email\" or \"webhook\".");
        }
        string? template = null;
        if (action["template"] is { } templateNode
            && !(templateNode is JsonValue t && t.TryGetValue(out template) && template.Length <= MaxTemplateLength))
        {
            throw ApiException.Invalid($"{at}.template", $"'{at}.template' must be a string of at most {MaxTemplateLength} characters.");
        }
        if (action["destinations"] is not JsonArray { Count: > 0 and <= MaxDestinations } destinations)
        {
            throw ApiException.Invalid($"{at}.destinations", $"'{at}.destinations' must be an array of 1 to {MaxDestinations} destinations.");
        }
        var checkedDestinations = destinations.Select((d, k) =>
        {
            var destination = d is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            return destination is not null && (method == TransitionAction.Email ? IsEmail(destination) : IsWebhookUrl(destination))
                ? destination
                : throw ApiException.Invalid($"{at}.destinations[{k}]", method == TransitionAction.Email
                    ? $"'{at}.destinations[{k}]' must be an email address."
                    : $"'{at}.destinations[{k}]' must be an https URL (http only on a loopback address).");
        }).ToList();
        return new TransitionAction(method, checkedDestinations, template);
    }

    private static bool IsEmail(string text) =>
        text.Length <= 320 && MailAddress.TryCreate(text, out var address) && address.Address == text && address.DisplayName.Length == 0;

    /// <summary>Whether a destination may be private is decided at delivery, on the resolved address.</summary>
    public static bool IsWebhookUrl(string text) => text.Length <= 2048 && HttpsUrls.IsHttpsOrLoopback(text);
}
