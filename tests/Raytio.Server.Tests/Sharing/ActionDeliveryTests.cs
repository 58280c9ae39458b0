using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.SharingActions;
using Raytio.Server.Tests.Email;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Signing;

namespace Raytio.Server.Tests.Sharing;

/// <summary>A host whose webhooks may reach loopback (where the test receiver listens).</summary>
public sealed class LoopbackWebhookFactory : RaytioFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("Raytio:Sharing:AllowPrivateWebhookDestinations", "true")];
}

/// <summary>An HttpListener on loopback that records what it receives and answers a given status.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();

    public WebhookReceiver(HttpStatusCode answer = HttpStatusCode.OK)
    {
        Url = $"http://127.0.0.1:{FreePort.Next()}/hook/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(async () =>
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (HttpListenerException)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                Received.Enqueue((await reader.ReadToEndAsync(), context.Request.Headers[WebhookAction.SignatureHeader], context.Request.Headers[WebhookAction.KeyIdHeader]));
                context.Response.StatusCode = (int)answer;
                context.Response.Close();
            }
        });
    }

    public string Url { get; }

    public ConcurrentQueue<(string Body, string? Signature, string? KeyId)> Received { get; } = new();

    public void Dispose() => _listener.Close();
}

/// <summary>Webhook actions: signed, verifiable with the published JWK set, retried with backoff, refused for private addresses unless allowed.</summary>
public sealed class WebhookDeliveryTests(LoopbackWebhookFactory app) : IClassFixture<LoopbackWebhookFactory>
{
    private static string Transitions(string url) => SharingSeed.OneAction("webhook", url);

    private async Task<(SeededApplication Application, string IId)> MovedAsync(string url)
    {
        var person = await GraphUser.CreateAsync(app);
        var application = await app.SeedApplicationAsync(await GraphUser.CreateAsync(app), transitions: Transitions(url));
        var (_, instance) = await app.ShareNewThingAsync(person, application);
        await (await app.SendJsonTextAsync(HttpMethod.Patch, $"/share/v1/org/instances/{instance.IId()}", """{"_state": "Rejected", "custom": {"message": "fix"}}""", application.Owner.Bearer)).AssertOkAsync();
        return (application, instance.IId());
    }

    [Fact]
    public async Task A_webhook_is_posted_once_signed_over_its_canonical_form_and_verifies_with_the_published_key()
    {
        using var receiver = new WebhookReceiver();
        var (application, iId) = await MovedAsync(receiver.Url);

        Assert.Equal(1, await app.Services.GetRequiredService<ActionDelivery>().RunPassAsync(CancellationToken.None));
        Assert.Equal(0, await app.Services.GetRequiredService<ActionDelivery>().RunPassAsync(CancellationToken.None));
        var (body, signature, kid) = Assert.Single(receiver.Received);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal("instance.state_changed", json.GetProperty("event").GetString());
        Assert.Equal((iId, application.Id.ToString(), "Submitted", "Rejected", "fix"),
            (json.GetProperty("i_id").GetString(), json.GetProperty("a_id").GetString(), json.GetProperty("from").GetString(), json.GetProperty("to").GetString(),
             json.GetProperty("custom").GetProperty("message").GetString()));

        var jwks = await (await app.GetAsync("/extract_verify/v1/public_key")).Content.ReadAsStringAsync();
        var jwk = JsonDocument.Parse(jwks).RootElement.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("kid").GetString() == kid);
        using var rsa = RSA.Create(new RSAParameters { Modulus = Base64Url.DecodeFromChars(jwk.GetProperty("n").GetString()), Exponent = Base64Url.DecodeFromChars(jwk.GetProperty("e").GetString()) });
        var canonical = JsonCanonicalizer.Canonicalize(body);
        Assert.True(rsa.VerifyData(canonical, Base64Url.DecodeFromChars(signature), HashAlgorithmName.SHA512, RSASignaturePadding.Pss));
        Assert.False(rsa.VerifyData(JsonCanonicalizer.Canonicalize(body.Replace("Rejected", "Approved")), Base64Url.DecodeFromChars(signature), HashAlgorithmName.SHA512, RSASignaturePadding.Pss));

        var events = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.SubjectId == Guid.Parse(iId) && e.EventType == AuditEventTypes.ShareActionDelivered).CountAsync());
        Assert.Equal(1, events);
    }

    [Fact]
    public async Task A_failing_webhook_is_retried_with_growing_delays_then_given_up_each_attempt_audited()
    {
        using var receiver = new WebhookReceiver(HttpStatusCode.InternalServerError);
        var (_, iId) = await MovedAsync(receiver.Url);
        var delivery = app.Services.GetRequiredService<ActionDelivery>();
        var id = Guid.Parse(iId);
        var delays = new List<TimeSpan>();
        for (var attempt = 1; attempt <= 8; attempt++)
        {
            Assert.Equal(0, await delivery.RunPassAsync(CancellationToken.None));
            var row = await app.WithDbAsync(db => db.ShareActions.AsNoTracking().SingleAsync(a => a.InstanceId == id));
            Assert.Equal(attempt, row.Attempts);
            Assert.Equal("webhook answered 500", row.LastError);
            if (row.FailedAt is not null)
            {
                break;
            }
            delays.Add(row.NextAttemptAt - app.Time.GetUtcNow().UtcDateTime);
            Assert.Equal(0, await delivery.RunPassAsync(CancellationToken.None));
            app.Time.Advance(row.NextAttemptAt - app.Time.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(1));
        }
        var final = await app.WithDbAsync(db => db.ShareActions.AsNoTracking().SingleAsync(a => a.InstanceId == id));
        Assert.NotNull(final.FailedAt);
        Assert.Equal(8, final.Attempts);
        Assert.Equal(8, receiver.Received.Count);
        Assert.True(delays.Zip(delays.Skip(1)).All(p => p.Second > p.First), string.Join(", ", delays));
        Assert.Equal(8, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.SubjectId == id && e.EventType == AuditEventTypes.ShareActionFailed)));
    }
}

/// <summary>Without the setting, a destination that resolves to loopback is refused at connect time.</summary>
public sealed class PrivateWebhookTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task A_loopback_destination_is_refused_when_private_destinations_are_not_allowed()
    {
        using var receiver = new WebhookReceiver();
        var person = await GraphUser.CreateAsync(app);
        var application = await app.SeedApplicationAsync(await GraphUser.CreateAsync(app),
            transitions: SharingSeed.OneAction("webhook", receiver.Url.Replace("127.0.0.1", "localhost")));
        var (_, instance) = await app.ShareNewThingAsync(person, application);
        await (await app.SendJsonTextAsync(HttpMethod.Patch, $"/share/v1/org/instances/{instance.IId()}", """{"_state": "Rejected"}""", application.Owner.Bearer)).AssertOkAsync();

        Assert.Equal(0, await app.Services.GetRequiredService<ActionDelivery>().RunPassAsync(CancellationToken.None));
        Assert.Empty(receiver.Received);
        var row = await app.WithDbAsync(db => db.ShareActions.AsNoTracking().SingleAsync(a => a.InstanceId == Guid.Parse(instance.IId())));
        Assert.Contains("loopback, private or link-local", row.LastError);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.20.0.1", true)]
    [InlineData("192.168.1.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("93.184.216.34", false)]
    [InlineData("2606:4700::1111", false)]
    public void Private_addresses_are_recognised(string address, bool isPrivate) =>
        Assert.Equal(isPrivate, WebhookAddresses.IsPrivate(IPAddress.Parse(address)));
}

/// <summary>Email actions arrive through a real SMTP server with the template's placeholders filled.</summary>
public sealed class EmailActionTests(SmtpDeliveryTests.SmtpFactory app) : IClassFixture<SmtpDeliveryTests.SmtpFactory>
{
    [Fact]
    public async Task An_email_action_sends_the_filled_template_by_smtp()
    {
        // Signing up needs codes by SMTP on this host, so the row is written as a transition writes it (RecipientTests checks that part).
        var to = RaytioFactory.NewEmail();
        var (iId, aId) = (Guid.NewGuid(), Guid.NewGuid());
        var now = app.Time.GetUtcNow().UtcDateTime;
        await app.WithDbAsync(db =>
        {
            db.ShareActions.Add(new ShareAction
            {
                InstanceId = iId,
                ApplicationId = aId,
                FromState = "Submitted",
                ToState = "Rejected",
                Method = "email",
                Destination = to,
                Template = "Instance {{i_id}} ({{reference}}) of {{a_id}} is {{state}}: {{custom.message}}{{custom.missing}}",
                BodyJson = JsonSerializer.Serialize(new { @event = "instance.state_changed", i_id = iId, a_id = aId, from = "Submitted", to = "Rejected", custom = new { message = "please fix" }, reference = "abc123" }),
                NextAttemptAt = now,
                CreatedAt = now,
            });
            return db.SaveChangesAsync();
        });

        Assert.Equal(1, await app.Services.GetRequiredService<ActionDelivery>().RunPassAsync(CancellationToken.None));
        var message = app.Received.Single(m => m.To.Mailboxes.Any(b => b.Address == to));
        Assert.Equal($"Instance {iId} (abc123) of {aId} is Rejected: please fix", message.TextBody?.Trim());
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.SubjectId == iId && e.EventType == AuditEventTypes.ShareActionDelivered)));
    }
}
