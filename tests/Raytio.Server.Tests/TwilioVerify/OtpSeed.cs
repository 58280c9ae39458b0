using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Providers.Twilio.Storage;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.TwilioVerify;

/// <summary>Calls of operations 110 and 111, fresh destinations, and the codes the development mailbox received.</summary>
internal static class OtpSeed
{
    /// <summary>A New Zealand mobile number no other test uses, in E.164.</summary>
    public static string NewPhone() => "+6421" + RandomNumberGenerator.GetInt32(1_000_000, 10_000_000);

    public static Task<HttpResponseMessage> SendCodeAsync(this RaytioFactory app, string? bearer, string to, string channel = "sms", string? orgId = null) =>
        app.PostJsonAsync(Path("/twilio/v1/verify", orgId), new Dictionary<string, object> { ["verification_to"] = to, ["verification_channel"] = channel }, bearer);

    public static Task<HttpResponseMessage> CheckCodeAsync(this RaytioFactory app, string? bearer, string to, string code, string? orgId = null) =>
        app.PostJsonAsync(Path("/twilio/v1/verify/check", orgId), new Dictionary<string, object> { ["verification_to"] = to, ["verification_code"] = code }, bearer);

    public static async Task<JsonElement> SentAsync(this RaytioFactory app, string? bearer, string to, string channel = "sms", string? orgId = null) =>
        await (await app.SendCodeAsync(bearer, to, channel, orgId)).AssertOkAsync();

    /// <summary>The status a check answered with (200) or its error code.</summary>
    public static async Task<string> CheckOutcomeAsync(this RaytioFactory app, string? bearer, string to, string code, string? orgId = null)
    {
        var response = await app.CheckCodeAsync(bearer, to, code, orgId);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return response.StatusCode == HttpStatusCode.OK ? body.GetProperty("status").GetString()! : body.GetProperty("code").GetString()!;
    }

    /// <summary>A code that is not the one sent (the sent one with its first digit changed).</summary>
    public static string Wrong(string code) => (code[0] == '9' ? '0' : (char)(code[0] + 1)) + code[1..];

    public static Task<CodeVerification> VerificationAsync(this RaytioFactory app, string sid) =>
        app.WithDbAsync(db => db.CodeVerifications.AsNoTracking().SingleAsync(v => v.Sid == sid));

    /// <summary>The error body with Twilio's code beside ours.</summary>
    public static async Task<JsonElement> AssertTwilioErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string code, int twilioCode)
    {
        var body = await response.AssertErrorAsync(status, code);
        Assert.Equal(twilioCode, body.GetProperty("twilio_code").GetInt32());
        return body;
    }

    private static string Path(string path, string? orgId) => orgId is null ? path : $"{path}?org_id={orgId}";
}
