using System.Text;
using Raytio.Server.Providers.Twilio;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;
using Raytio.Server.Tests.OutsideChecks;
using Raytio.Server.Tests.TwilioVerify;

namespace Raytio.Server.Tests.OpenApi;

/// <summary>
/// Drives every outcome of the one-time-code operations (110, 111) for <see cref="DeclaredStatusTests"/>.
/// Their 502 needs the Live engine (TwilioLiveEngineTests), so it is listed as declared but not driven.
/// </summary>
internal static class OneTimeCodeStatusDrives
{
    public static async Task DriveOneTimeCodesAsync(this RaytioFactory app, string tooLarge)
    {
        var user = await GraphUser.CreateAsync(app);
        await app.StartMeteringAsync();
        var broke = await app.CreateOrgAsync();
        try
        {
            var phone = OtpSeed.NewPhone();
            await app.SendCodeAsync(user.Bearer, phone);
            var code = await app.LatestCodeAsync(phone);
            await app.CheckCodeAsync(user.Bearer, phone, code);
            await app.CheckCodeAsync(user.Bearer, phone, code);

            var limited = OtpSeed.NewPhone();
            for (var send = 0; send <= OneTimeCodeRules.MaxSends; send++)
            {
                await app.SendCodeAsync(user.Bearer, limited);
            }
            var wrong = OtpSeed.Wrong(await app.LatestCodeAsync(limited));
            for (var check = 0; check <= OneTimeCodeRules.MaxChecks; check++)
            {
                await app.CheckCodeAsync(user.Bearer, limited, wrong);
            }

            foreach (var path in new[] { "/twilio/v1/verify", "/twilio/v1/verify/check" })
            {
                var body = $$"""{"verification_to":"{{OtpSeed.NewPhone()}}","verification_channel":"sms","verification_code":"123456"}""";
                await app.SendJsonTextAsync(HttpMethod.Post, path, "{}", user.Bearer);
                await app.SendJsonTextAsync(HttpMethod.Post, path, body);
                await app.SendJsonTextAsync(HttpMethod.Post, $"{path}?org_id={broke.Id}", body, broke.Admin.Bearer);
                await app.SendJsonTextAsync(HttpMethod.Post, $"{path}?org_id={broke.Id}", body, user.Bearer);
                await app.SendJsonTextAsync(HttpMethod.Post, path.Replace("/v1/", "/v2/", StringComparison.Ordinal), body, user.Bearer);
                await app.SendJsonTextAsync(HttpMethod.Post, path, tooLarge, user.Bearer);
                await app.SendAsync(HttpMethod.Post, path, new StringContent("<a/>", Encoding.UTF8, "application/xml"), user.Bearer);
            }
        }
        finally
        {
            app.StopMetering();
        }
    }
}
