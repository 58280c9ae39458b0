using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Hosting;

/// <summary>A setting an earlier version read stops the start naming its replacement, rather than being ignored.</summary>
public sealed class RetiredSettingsTests
{
    [Theory]
    [InlineData("Raytio:Clarity:TesseractCommand", "tesseract", "Raytio:Clarity:TesseractLibrary")]
    [InlineData("Raytio:Mrz:MaxConcurrentReads", "4", "Raytio:DocumentReads:MaxConcurrentReads")]
    [InlineData("Raytio:Mrz:QueueTimeout", "00:00:05", "Raytio:DocumentReads:QueueTimeout")]
    public async Task A_retired_setting_is_refused_naming_what_replaced_it(string retired, string value, string replacement)
    {
        await using var host = new HostWith(retired, value);

        // What Program runs before the host starts.
        var failure = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        var message = Assert.Single(failure.Failures);
        Assert.StartsWith($"{retired} is no longer read: use {replacement} ", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_without_retired_settings_starts()
    {
        await using var host = new HostWith("Raytio:DocumentReads:MaxConcurrentReads", "4");

        host.Services.GetRequiredService<IStartupValidator>().Validate();
    }

    private sealed class HostWith(string key, string value) : RaytioFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new(key, value)];
    }
}
