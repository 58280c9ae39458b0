using System.Net;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Auth;

/// <summary>
/// Failed logins slow down the address that fails, not the owner: per (account, client) first,
/// per account only past a much higher threshold, and always as a growing delay with Retry-After.
/// </summary>
public sealed class LockoutTests(LockoutTests.SmallLimitsFactory app) : IClassFixture<LockoutTests.SmallLimitsFactory>
{
    private const string Owner = "203.0.113.1";

    [Fact]
    public async Task An_attacker_on_one_address_is_slowed_with_growing_delays_while_the_owner_logs_in()
    {
        var (email, password) = await app.CreateVerifiedUserAsync();
        const string attacker = "198.51.100.7";
        for (var i = 0; i < 5; i++)
        {
            await (await Login(attacker, email, "wrong password")).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        }

        var refused = await Login(attacker, email, password);
        await refused.AssertErrorAsync(HttpStatusCode.TooManyRequests, "too_many_requests");
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        await (await Login(Owner, email, password)).AssertOkAsync();

        // After the delay one more guess is let through; the next delay is twice as long.
        app.Time.Advance(TimeSpan.FromSeconds(1));
        await (await Login(attacker, email, "wrong password")).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var slower = await Login(attacker, email, "wrong password");
        await slower.AssertErrorAsync(HttpStatusCode.TooManyRequests, "too_many_requests");
        Assert.Equal(TimeSpan.FromSeconds(2), slower.Headers.RetryAfter?.Delta);
        await (await Login(Owner, email, password)).AssertOkAsync();
    }

    [Fact]
    public async Task An_attacker_spread_over_many_addresses_slows_the_account_only_past_the_account_threshold()
    {
        var (email, password) = await app.CreateVerifiedUserAsync();
        for (var i = 0; i < SmallLimitsFactory.AccountThreshold - 1; i++)
        {
            await (await Login($"198.51.100.{i + 10}", email, "wrong password")).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        }
        await (await Login(Owner, email, password)).AssertOkAsync();

        await (await Login("198.51.100.200", email, "wrong password")).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var refused = await Login(Owner, email, password);
        await refused.AssertErrorAsync(HttpStatusCode.TooManyRequests, "too_many_requests");
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);

        app.Time.Advance(refused.Headers.RetryAfter!.Delta!.Value);
        await (await Login(Owner, email, password)).AssertOkAsync();
    }

    [Fact]
    public async Task A_username_of_any_length_is_counted_under_a_bounded_key()
    {
        var response = await Login("198.51.100.99", new string('a', 20_000) + "@example.com", "wrong password");
        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    private Task<HttpResponseMessage> Login(string from, string username, string password) =>
        app.PostJsonFromAsync(from, "/oauth/v1/token", new { grant_type = "password", username, password });

    public sealed class SmallLimitsFactory : RaytioFactory
    {
        public const int AccountThreshold = 12;

        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        [
            new("Raytio:Throttle:FailuresPerAccount", AccountThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ];
    }
}
