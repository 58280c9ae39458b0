using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Raytio.Server.Features.Schemas;

/// <summary>
/// JsonSchema.Net's format checks with their regex timeouts made harmless. The library gives the
/// regexes of date-time, hostname and email a 250 ms wall-clock timeout, which a busy machine
/// trips on ordinary input (the thread loses the CPU, not the pattern backtracking): the
/// RegexMatchTimeoutException escaped as a 500 (seen in CI under load). A check that times out is
/// tried again; one that times out every time is a value too costly to check, and fails its
/// format with a message saying so.
/// </summary>
internal static class PatientFormats
{
    private const int Attempts = 3;

    public static FormatRegistry Create()
    {
        var registry = new FormatRegistry();
        foreach (var key in Keys)
        {
            registry.Register(new PatientFormat(registry.Get(key)));
        }
        return registry;
    }

    private static readonly string[] Keys =
    [
        "date", "date-time", "duration", "email", "hostname", "idn-email", "idn-hostname", "ipv4", "ipv6", "iri",
        "iri-reference", "json-pointer", "regex", "relative-json-pointer", "time", "uri", "uri-reference", "uri-template", "uuid",
    ];

    internal sealed class PatientFormat(Format inner) : Format(inner.Key)
    {
        public override bool Validate(JsonElement element, out string? errorMessage)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return inner.Validate(element, out errorMessage);
                }
                catch (RegexMatchTimeoutException) when (attempt < Attempts)
                {
                }
                catch (RegexMatchTimeoutException)
                {
                    errorMessage = $"Value is too costly to check as \"{Key}\"";
                    return false;
                }
            }
        }
    }
}
