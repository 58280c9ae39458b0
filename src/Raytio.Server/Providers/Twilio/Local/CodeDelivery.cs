using Raytio.Server.Data;
using Raytio.Server.Providers.Email;

namespace Raytio.Server.Providers.Twilio.Local;

/// <summary>
/// Delivers the Local engine's codes in the sender's unit of work (so a code goes out only if its
/// verification commits): email through the email outbox (SMTP when configured, else the
/// development mailbox); sms and voice into the development mailbox, addressed to the phone
/// number, since only Twilio (the Live engine) reaches phones. Read them with the `mailbox` command.
/// </summary>
public sealed class CodeDelivery(RaytioDbContext db, EmailOutbox outbox, TimeProvider time)
{
    public const string EmailSubject = "Your verification code";
    public const string SmsSubject = "SMS: verification code";
    public const string VoiceSubject = "Voice call: verification code";

    public void Deliver(Destination to, CodeChannel channel, string code)
    {
        var text = $"Your Raytio verification code is: {code}. It expires in {OneTimeCodeRules.Lifetime.TotalMinutes:0} minutes.";
        if (channel == CodeChannel.Email)
        {
            outbox.Enqueue(new EmailMessage(to.Address, EmailSubject, text));
            return;
        }
        DevelopmentMailbox.Write(db, new EmailMessage(to.Address, channel == CodeChannel.Sms ? SmsSubject : VoiceSubject, text), time.GetUtcNow().UtcDateTime);
    }
}
