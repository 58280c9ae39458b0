namespace Raytio.Server.Tests.EndToEnd;

/// <summary>A bad setting stops the server (or a command) before it starts, with one line naming it.</summary>
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("Raytio:Email:SmtpSecurity", "Bogus")]
    [InlineData("Raytio:Tokens:PasswordHashMemoryKiB", "5")]
    [InlineData("Raytio:MaxRequestBodyBytes", "1")]
    [InlineData("Raytio:Cleanup:Interval", "00:00:01")]
    [InlineData("Raytio:Tokens:SigningKeyPublishDelay", "00:01:00")]
    [InlineData("Raytio:Audit:SealInterval", "00:00:05")]
    [InlineData("Raytio:Audit:ReadFlushInterval", "00:00:02")]
    public async Task A_bad_setting_stops_the_server_naming_it(string key, string value)
    {
        var (exitCode, output, error) = await ServerProcess.RunToExitAsync("--urls", "http://127.0.0.1:0", "--" + key, value);

        Assert.Equal(1, exitCode);
        Assert.Contains($"  {key}: ", error);
        Assert.DoesNotContain(" at ", error + output);
    }

    [Fact]
    public async Task A_command_checks_the_settings_too()
    {
        var (exitCode, _, error) = await ServerProcess.RunToExitAsync("mailbox", "--Raytio:Email:SmtpPort", "70000");

        Assert.Equal(1, exitCode);
        Assert.Contains("  Raytio:Email:SmtpPort: ", error);
    }
}
