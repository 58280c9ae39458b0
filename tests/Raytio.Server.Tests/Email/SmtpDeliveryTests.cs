using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using MimeKit;
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

        var message = app.Received.Single(m => m.To.Mailboxes.Any(b => b.Address == email));
        Assert.Equal("Your Raytio verification code", message.Subject);
        Assert.Equal("no-reply@raytio.test", message.From.Mailboxes.Single().Address);
        var code = Regex.Match(message.TextBody ?? "", @"code is: (\d{6})").Groups[1].Value;

        await (await app.PostJsonAsync("/oauth/v1/verify", new { username = email, verification_code = code })).AssertOkAsync();
        Assert.Equal(0, await app.MailboxCountAsync(email));
    }

    public sealed class SmtpFactory : RaytioFactory
    {
        private readonly CancellationTokenSource stop = new();
        private readonly int port = FreePort.Next();

        public ConcurrentBag<MimeMessage> Received { get; } = [];

        public SmtpFactory()
        {
            var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
            var services = new SmtpServer.ComponentModel.ServiceProvider();
            services.Add(new CollectingStore(Received));
            _ = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
        }

        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        [
            new("Raytio:Email:SmtpHost", "127.0.0.1"),
            new("Raytio:Email:SmtpPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Raytio:Email:SmtpSecurity", "None"),
            new("Raytio:Email:From", "Raytio <no-reply@raytio.test>"),
        ];

        public override async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
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
