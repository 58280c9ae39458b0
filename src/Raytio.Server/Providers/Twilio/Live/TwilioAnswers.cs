using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Raytio.Server.Providers.Twilio.Live;

/// <summary>
/// Reads Twilio Verify's JSON answers (snake_case; shared/providers/twilio): a verification or a
/// verification check, and the error envelope `{code, message, more_info, status}`. Null when a
/// body is not what the contract says.
/// </summary>
internal static partial class TwilioAnswers
{
    public static VerificationAnswer? Verification(string body, CodeChannel asked)
    {
        if (Parse(body) is not JsonObject answer
            || Text(answer["sid"]) is not { } sid || !VerificationSid().IsMatch(sid)
            || Text(answer["status"]) is not { } status
            || Text(answer["service_sid"]) is not { } service || Text(answer["account_sid"]) is not { } account
            || Time(answer["date_created"]) is not { } created)
        {
            return null;
        }
        var channel = Channel(Text(answer["channel"])) ?? asked;
        var attempts = new List<SendAttempt>();
        if (answer["send_code_attempts"] is JsonArray sent)
        {
            foreach (var attempt in sent.OfType<JsonObject>())
            {
                if (Time(attempt["time"]) is { } at)
                {
                    attempts.Add(new SendAttempt(Channel(Text(attempt["channel"])) ?? channel, at));
                }
            }
        }
        return new VerificationAnswer(sid, service, account, channel, status, attempts, created, Time(answer["date_updated"]) ?? created);
    }

    /// <summary>Twilio's error code of a failed call, when the body is its error envelope.</summary>
    public static int? ErrorCode(string body) =>
        Parse(body) is JsonObject error && error["code"] is JsonValue code && code.TryGetValue(out int value) ? value : null;

    public static string ChannelName(CodeChannel channel) => channel switch
    {
        CodeChannel.Voice => "call",
        CodeChannel.Email => "email",
        _ => "sms",
    };

    private static CodeChannel? Channel(string? name) => name?.ToLowerInvariant() switch
    {
        "sms" => CodeChannel.Sms,
        "call" => CodeChannel.Voice,
        "email" => CodeChannel.Email,
        _ => null,
    };

    private static JsonNode? Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) && !string.IsNullOrEmpty(text) ? text : null;

    private static DateTime? Time(JsonNode? node) =>
        Text(node) is { } text && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : null;

    [GeneratedRegex("^VE[0-9a-fA-F]{32}$")]
    private static partial Regex VerificationSid();
}
