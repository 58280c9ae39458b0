namespace Raytio.Server.Tests.TwilioVerify;

/// <summary>Twilio Verify's answers in the contract's shapes (shared/providers/twilio), as its examples write them.</summary>
internal static class TwilioBodies
{
    public static string Verification(string sid, string to, string channel, string status) => $$"""
        {"sid":"{{sid}}","service_sid":"{{TwilioLiveEngineTests.LiveTwilioFactory.ServiceSid}}","account_sid":"{{TwilioLiveEngineTests.LiveTwilioFactory.AccountSid}}",
         "to":"{{to}}","channel":"{{channel}}","status":"{{status}}","valid":false,"date_created":"2015-07-30T20:00:00Z","date_updated":"2015-07-30T20:00:00Z",
         "lookup":{},"amount":null,"payee":null,
         "send_code_attempts":[{"time":"2015-07-30T20:00:00Z","channel":"{{channel.ToUpperInvariant()}}","attempt_sid":"VLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}],
         "sna":null,"url":"https://verify.twilio.com/v2/Services/VA/Verifications/{{sid}}"}
        """;

    public static string Check(string sid, string to, string channel, string status) => $$"""
        {"sid":"{{sid}}","service_sid":"{{TwilioLiveEngineTests.LiveTwilioFactory.ServiceSid}}","account_sid":"{{TwilioLiveEngineTests.LiveTwilioFactory.AccountSid}}",
         "to":"{{to}}","channel":"{{channel}}","status":"{{status}}","valid":{{(status == "approved" ? "true" : "false")}},"amount":null,"payee":null,
         "sna_attempts_error_codes":[],"date_created":"2015-07-30T20:00:00Z","date_updated":"2015-07-30T20:00:00Z"}
        """;

    public static string Error(int code, int status) =>
        $$"""{"code":{{code}},"message":"Twilio says no","more_info":"https://www.twilio.com/docs/errors/{{code}}","status":{{status}}}""";
}
