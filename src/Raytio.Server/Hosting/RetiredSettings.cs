using Microsoft.Extensions.Options;

namespace Raytio.Server.Hosting;

/// <summary>
/// Settings an earlier version read and this one does not. A value still given for one stops the
/// start naming what replaced it: ignored silently, it would leave the operator believing a limit
/// or a path is in force that is not.
/// </summary>
public sealed class RetiredSettings
{
    public static IReadOnlyDictionary<string, string> Replacements { get; } = new Dictionary<string, string>
    {
        ["Raytio:Clarity:TesseractCommand"] = "Raytio:Clarity:TesseractLibrary (Tesseract now runs in process through its shared library, libtesseract.so.5)",
        ["Raytio:Mrz:MaxConcurrentReads"] = "Raytio:DocumentReads:MaxConcurrentReads (one bound for every operation that reads a document image)",
        ["Raytio:Mrz:QueueTimeout"] = "Raytio:DocumentReads:QueueTimeout (one bound for every operation that reads a document image)",
    };

    internal sealed class Check(IConfiguration configuration) : IValidateOptions<RetiredSettings>
    {
        public ValidateOptionsResult Validate(string? name, RetiredSettings options)
        {
            var given = Replacements.Where(retired => configuration[retired.Key] is not null)
                .Select(retired => $"{retired.Key} is no longer read: use {retired.Value}.")
                .ToList();
            return given.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(given);
        }
    }
}
