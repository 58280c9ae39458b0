using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Raytio.Server.Hosting;
using Raytio.Server.Providers.Twilio;

namespace Raytio.Server.Features.OneTimeCodes;

public sealed record StartRequest(string To, CodeChannel Channel);

public sealed record CheckRequest(string To, string Code);

/// <summary>
/// Reads the bodies of operations 110 and 111. `verification_to` is an E.164 phone number (the
/// reference writes it as a JSON number, e.g. 642152783; a string with or without `+` is read
/// too, and answered as `+642152783`) or, for the email channel, an email address.
/// `verification_code` is 4-10 digits, a string or a number; a number is padded with leading
/// zeros to the engine's code length (<see cref="IOneTimeCodeEngine.CodeLength"/>), since JSON numbers lose them. Each fault is a 400 naming
/// the field, with Twilio's 60200 beside it.
/// </summary>
public static partial class OneTimeCodeRequests
{
    public const string ToField = "verification_to";
    public const string ChannelField = "verification_channel";
    public const string CodeField = "verification_code";

    public static StartRequest Start(JsonObject body)
    {
        var channel = Text(body, ChannelField)?.Trim().ToLowerInvariant() switch
        {
            "sms" => CodeChannel.Sms,
            "voice" => CodeChannel.Voice,
            "email" => CodeChannel.Email,
            null => throw TwilioErrors.Invalid(ChannelField, $"'{ChannelField}' is required: sms, voice or email."),
            _ => throw TwilioErrors.Invalid(ChannelField, $"'{ChannelField}' is sms, voice or email."),
        };
        return new StartRequest(Destination(body, channel == CodeChannel.Email), channel);
    }

    public static CheckRequest Check(JsonObject body, int codeLength)
    {
        var to = Destination(body, Text(body, ToField)?.Contains('@', StringComparison.Ordinal) ?? false);
        var code = body[CodeField] switch
        {
            JsonValue number when number.GetValueKind() == JsonValueKind.Number && number.TryGetValue(out long digits) && digits >= 0 =>
                digits.ToString(CultureInfo.InvariantCulture).PadLeft(codeLength, '0'),
            JsonValue text when text.TryGetValue(out string? value) => value.Trim(),
            null => throw TwilioErrors.Invalid(CodeField, $"'{CodeField}' is required: the code that was sent."),
            _ => "",
        };
        return CodePattern().IsMatch(code) ? new CheckRequest(to, code) : throw TwilioErrors.Invalid(CodeField, $"'{CodeField}' is 4 to 10 digits.");
    }

    /// <summary>The destination in its normal form: `+` and digits, or a lower-case email address.</summary>
    private static string Destination(JsonObject body, bool email)
    {
        var given = Text(body, ToField) ?? throw TwilioErrors.Invalid(ToField, $"'{ToField}' is required: a phone number in E.164 form or an email address.");
        if (email)
        {
            var validation = new Validation();
            var address = EmailAddresses.Check(validation, ToField, given);
            return validation.HasErrors ? throw TwilioErrors.Invalid(ToField, $"'{ToField}' must be an email address for the email channel.") : address;
        }
        var phone = given.Trim();
        return PhonePattern().IsMatch(phone)
            ? "+" + phone.TrimStart('+')
            : throw TwilioErrors.Invalid(ToField, $"'{ToField}' must be a phone number in E.164 form: country code and number, 8 to 15 digits (e.g. +642152783).");
    }

    /// <summary>A string, or a whole number as its digits; null when absent; "" for any other JSON value (rejected by the caller's pattern).</summary>
    private static string? Text(JsonObject body, string field) => body[field] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number && value.TryGetValue(out long number) && number >= 0 =>
            number.ToString(CultureInfo.InvariantCulture),
        _ => "",
    };

    [GeneratedRegex(@"^\+?[1-9][0-9]{7,14}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex("^[0-9]{4,10}$")]
    private static partial Regex CodePattern();
}
