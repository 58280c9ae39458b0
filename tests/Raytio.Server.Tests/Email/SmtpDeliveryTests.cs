using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Raytio.Server.Providers.Email;
using Raytio.Server.Tests.Infrastructure;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Raytio.Server.Tests.Email;

/// <summary>With SMTP configured, codes travel through a real SMTP server on loopback.</summary>
public sealed class SmtpDeliveryTests(SmtpDeliveryTests.SmtpFactory app) : IClassFixture<SmtpDeliveryTests.SmtpFactory>
{
    [Fact]
    public async Task Signup_code_arrives_by_smtp_and_verifies_the_user()
    {
        var email = RaytioFactory.NewEmail();
        await (await app.PostJsonAsync("/oauth/v1/signup", new { username = email, password = "abcdefabcdef" })).AssertOkAsync();

        // No explicit delivery: the commit wakes the background dispatcher.
        var message = await ReceivedAsync(email);
        Assert.Equal("Your Raytio verification code", message.Subject);
        Assert.Equal("no-reply@raytio.test", message.From.Mailboxes.Single().Address);
        var code = Regex.Match(message.TextBody ?? "", @"code is: (\d{6})").Groups[1].Value;

        await (await app.PostJsonAsync("/oauth/v1/verify", new { username = email, verification_code = code })).AssertOkAsync();
        Assert.Equal(0, await app.MailboxCountAsync(email));
    }

    [Fact]
    public async Task An_email_the_server_cannot_send_stays_queued_for_a_later_try()
    {
        await using var unreachable = new UnreachableSmtpFactory();
        await unreachable.InitializeAsync();
        var email = RaytioFactory.NewEmail();
        await (await unreachable.PostJsonAsync("/oauth/v1/password-reset", new { username = email })).AssertOkAsync();

        Assert.Equal(0, await unreachable.DeliverEmailsAsync());
        var queued = await unreachable.WithDbAsync(db => db.OutgoingEmails.AsNoTracking().SingleAsync(e => e.To == email));
        Assert.Equal(1, queued.Attempts);
        Assert.True(queued.NextAttemptAt > unreachable.Time.GetUtcNow().UtcDateTime);
        Assert.Equal(0, await unreachable.DeliverEmailsAsync());
        Assert.Equal(1, (await unreachable.WithDbAsync(db => db.OutgoingEmails.AsNoTracking().SingleAsync(e => e.To == email))).Attempts);
    }

    private async Task<MimeMessage> ReceivedAsync(string email)
    {
        for (var waited = 0; waited < 100; waited++)
        {
            if (app.Received.FirstOrDefault(m => m.To.Mailboxes.Any(b => b.Address == email)) is { } message)
            {
                return message;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"no email to {email} arrived within 10 s");
    }

    private sealed class UnreachableSmtpFactory : RaytioFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        [
            new("Raytio:Email:SmtpHost", "127.0.0.1"),
            new("Raytio:Email:SmtpPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Raytio:Email:SmtpSecurity", "None"),
        ];
    }

    public sealed class SmtpFactory : RaytioFactory
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly int _port = FreePort.Next();

        public ConcurrentBag<MimeMessage> Received { get; } = [];

        public SmtpFactory()
        {
            var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, _port))).Build();
            var services = new SmtpServer.ComponentModel.ServiceProvider();
            services.Add(new CollectingStore(Received));
            _ = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
        }

        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        [
            new("Raytio:Email:SmtpHost", "127.0.0.1"),
            new("Raytio:Email:SmtpPort", _port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Raytio:Email:SmtpSecurity", "None"),
            new("Raytio:Email:From", "Raytio <no-reply@raytio.test>"),
        ];

        public override async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await base.DisposeAsync();
        }
    }

    private sealed class CollectingStore(ConcurrentBag<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            received.Add(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
