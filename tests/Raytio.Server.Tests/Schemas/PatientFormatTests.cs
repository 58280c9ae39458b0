using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using Raytio.Server.Features.Schemas;

namespace Raytio.Server.Tests.Schemas;

/// <summary>A format check whose regex times out (a busy machine, or a costly value) answers a verdict, never an exception.</summary>
public sealed class PatientFormatTests
{
    private static readonly JsonElement Value = JsonDocument.Parse("\"a@example.com\"").RootElement;

    [Fact]
    public void A_timeout_that_passes_is_tried_again()
    {
        var inner = new TimingOutFormat(timeouts: 2);
        var valid = new PatientFormats.PatientFormat(inner).Validate(Value, out var message);
        Assert.True(valid);
        Assert.Null(message);
        Assert.Equal(3, inner.Calls);
    }

    [Fact]
    public void A_value_that_always_times_out_fails_its_format_with_a_message()
    {
        var inner = new TimingOutFormat(timeouts: int.MaxValue);
        var valid = new PatientFormats.PatientFormat(inner).Validate(Value, out var message);
        Assert.False(valid);
        Assert.Equal("Value is too costly to check as \"email\"", message);
        Assert.Equal(3, inner.Calls);
    }

    [Fact]
    public void The_registry_keeps_the_library_verdicts()
    {
        var registry = PatientFormats.Create();
        Assert.True(registry.Get("email").Validate(Value, out _));
        Assert.False(registry.Get("date-time").Validate(JsonDocument.Parse("\"2026-13-01T00:00:00Z\"").RootElement, out _));
        Assert.True(registry.Get("date-time").Validate(JsonDocument.Parse("\"2026-11-27T21:00:00Z\"").RootElement, out _));
        Assert.IsType<PatientFormats.PatientFormat>(registry.Get("hostname"));
    }

    private sealed class TimingOutFormat(int timeouts) : Format("email")
    {
        public int Calls { get; private set; }

        public override bool Validate(JsonElement element, out string? errorMessage)
        {
            Calls++;
            if (Calls <= timeouts)
            {
                throw new RegexMatchTimeoutException("a@example.com", "pattern", TimeSpan.FromMilliseconds(250));
            }
            errorMessage = null;
            return true;
        }
    }
}
