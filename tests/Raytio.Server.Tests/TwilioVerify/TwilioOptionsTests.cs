using System.ComponentModel.DataAnnotations;
using Raytio.Server.Providers.Twilio;

namespace Raytio.Server.Tests.TwilioVerify;

/// <summary>Raytio:Twilio settings: the Live engine needs its credentials, codes are 4-10 digits.</summary>
public sealed class TwilioOptionsTests
{
    [Fact]
    public void The_live_engine_without_credentials_names_each_missing_setting()
    {
        var options = new TwilioOptions { Engine = OneTimeCodeEngineKind.Live, Live = { AccountSid = "AC123", ServiceSid = null, AuthToken = " " } };

        var problems = Problems(options);

        Assert.Equal(["Live.AccountSid", "Live.AuthToken", "Live.ServiceSid"], problems.SelectMany(p => p.MemberNames).Order());
    }

    [Fact]
    public void The_local_engine_needs_no_credentials_and_a_complete_live_configuration_passes()
    {
        Assert.Empty(Problems(new TwilioOptions()));
        Assert.Empty(Problems(new TwilioOptions
        {
            Engine = OneTimeCodeEngineKind.Live,
            Live = { AccountSid = "AC" + new string('a', 32), ServiceSid = "VA" + new string('0', 32), AuthToken = "token" },
        }));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(11)]
    public void Code_lengths_outside_4_to_10_are_refused(int length) =>
        Assert.Contains(Problems(new TwilioOptions { CodeLength = length }), p => p.MemberNames.Contains(nameof(TwilioOptions.CodeLength)));

    [Theory]
    [InlineData(3)]
    [InlineData(11)]
    public void A_live_service_code_length_outside_4_to_10_is_refused(int length) =>
        Assert.Contains(Problems(new TwilioOptions
        {
            Engine = OneTimeCodeEngineKind.Live,
            Live = { AccountSid = "AC" + new string('a', 32), ServiceSid = "VA" + new string('0', 32), AuthToken = "token", CodeLength = length },
        }), p => p.MemberNames.Contains(nameof(TwilioLiveOptions.CodeLength)));

    private static List<ValidationResult> Problems(TwilioOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
