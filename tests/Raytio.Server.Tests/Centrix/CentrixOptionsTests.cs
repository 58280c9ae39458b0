using System.ComponentModel.DataAnnotations;
using Raytio.Server.Providers.Centrix;

namespace Raytio.Server.Tests.Centrix;

/// <summary>Live Centrix needs its host and every credential before the server starts; the Sandbox needs none.</summary>
public sealed class CentrixOptionsTests
{
    [Fact]
    public void Live_without_host_or_credentials_names_each_missing_setting()
    {
        var options = new CentrixOptions { Provider = CentrixProviderKind.Live, Live = new CentrixLiveOptions { Username = "u", UserId = "raytio" } };

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.Equal(["Live.BaseUrl", "Live.Password", "Live.SubscriberId", "Live.UserKey"], results.SelectMany(r => r.MemberNames));
        Assert.Contains("Raytio__Centrix__Live__Password", results[1].ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sandbox_needs_no_settings_and_live_with_everything_is_valid()
    {
        var live = new CentrixOptions
        {
            Provider = CentrixProviderKind.Live,
            Live = new CentrixLiveOptions { BaseUrl = new Uri("https://test2.centrix.co.nz/"), Username = "u", Password = "p", SubscriberId = "s", UserId = "i", UserKey = "k" },
        };
        var sandbox = new CentrixOptions();

        Assert.True(Validator.TryValidateObject(sandbox, new ValidationContext(sandbox), [], validateAllProperties: true));
        Assert.True(Validator.TryValidateObject(live, new ValidationContext(live), [], validateAllProperties: true));
    }
}
