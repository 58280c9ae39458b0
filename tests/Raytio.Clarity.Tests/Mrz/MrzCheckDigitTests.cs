using Raytio.Clarity.Mrz;

namespace Raytio.Clarity.Tests.Mrz;

/// <summary>Check digits of the ICAO 9303 specimen documents (Anna Maria Eriksson of Utopia).</summary>
public class MrzCheckDigitTests
{
    [Theory]
    [InlineData("L898902C3", '6')]
    [InlineData("740812", '2')]
    [InlineData("120415", '9')]
    [InlineData("ZE184226B<<<<<", '1')]
    [InlineData("L898902C3674081221204159ZE184226B<<<<<1", '0')]
    [InlineData("D23145890", '7')]
    [InlineData("L8988901C", '4')]
    [InlineData("<<<<<<", '0')]
    public void Computes_the_specimen_check_digits(string field, char expected)
    {
        Assert.Equal(expected, MrzCheckDigit.Compute(field));
        Assert.True(MrzCheckDigit.IsValid(field, expected));
    }

    [Theory]
    [InlineData('0', 0)]
    [InlineData('9', 9)]
    [InlineData('A', 10)]
    [InlineData('Z', 35)]
    [InlineData('<', 0)]
    [InlineData('a', -1)]
    [InlineData('«', -1)]
    public void Values_characters_as_ICAO_9303_does(char c, int value)
    {
        Assert.Equal(value, MrzCheckDigit.ValueOf(c));
    }

    [Fact]
    public void Refuses_characters_outside_the_MRZ_set()
    {
        Assert.Throws<ArgumentException>(() => MrzCheckDigit.Compute("L89890 C3"));
        Assert.False(MrzCheckDigit.IsValid("L89890 C3", '6'));
        Assert.False(MrzCheckDigit.IsValid("L898902C3", '<'));
    }

    [Fact]
    public void Detects_every_single_substitution_whose_values_do_not_differ_by_ten()
    {
        const string field = "L898902C3";
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<";
        for (var i = 0; i < field.Length; i++)
        {
            foreach (var c in alphabet)
            {
                var delta = MrzCheckDigit.ValueOf(c) - MrzCheckDigit.ValueOf(field[i]);
                if (delta % 10 == 0)
                    continue;
                var corrupted = string.Concat(field.AsSpan(0, i), c.ToString(), field.AsSpan(i + 1));
                Assert.False(MrzCheckDigit.IsValid(corrupted, '6'), corrupted);
            }
        }
    }
}
