using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Raytio.Server.Providers.Email;

namespace Raytio.Server.Features.SharingActions;

/// <summary>
/// Sends an `email` action: the transition's template with `{{i_id}}`, `{{a_id}}`, `{{state}}`,
/// `{{reference}}` and `{{custom.*}}` filled in, as plain text, through the configured sender.
/// </summary>
public sealed partial class EmailAction(IEmailSender sender)
{
    public const string DefaultTemplate = "Instance {{i_id}} of access application {{a_id}} moved to {{state}}.";

    public async Task SendAsync(ShareAction action, CancellationToken cancellationToken)
    {
        var body = JsonNode.Parse(action.BodyJson)!.AsObject();
        var text = Fill(action.Template ?? DefaultTemplate, body);
        try
        {
            await sender.SendAsync(new EmailMessage(action.Destination, $"Instance {body["i_id"]} is now {body["to"]}", text), cancellationToken);
        }
        // The failures EmailDispatcher also treats as a delivery that may work later.
        catch (Exception failure) when (failure is IOException or System.Net.Sockets.SocketException or TimeoutException or MailKit.ProtocolException
            or MailKit.CommandException or MailKit.Security.AuthenticationException or MailKit.ServiceNotConnectedException or MimeKit.ParseException)
        {
            throw new ActionDeliveryException($"email not sent: {failure.GetType().Name}: {failure.Message}", failure);
        }
    }

    /// <summary>Placeholders become the event's values as text; unknown ones become empty.</summary>
    public static string Fill(string template, JsonObject body) => Placeholder().Replace(template, match =>
    {
        var name = match.Groups[1].Value;
        JsonNode? value = name switch
        {
            "state" => body["to"],
            _ when name.StartsWith("custom.", StringComparison.Ordinal) => (body["custom"] as JsonObject)?[name["custom.".Length..]],
            _ => body[name],
        };
        return value switch
        {
            null => "",
            JsonValue scalar when scalar.TryGetValue<string>(out var text) => text,
            _ => value.ToJsonString(),
        };
    });

    [GeneratedRegex(@"\{\{\s*(i_id|a_id|state|reference|custom\.[A-Za-z0-9_\-]+)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
