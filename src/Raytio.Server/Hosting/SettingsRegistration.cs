using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Raytio.Server.Hosting;

public static class SettingsRegistration
{
    /// <summary>
    /// Binds <typeparamref name="T"/> from a configuration section and checks its data annotations
    /// (and any <see cref="IValidatableObject"/> rules) when the host starts, so a bad setting
    /// stops the start with a message naming the setting instead of failing on first use.
    /// </summary>
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, string section) where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new SectionValidator<T>(section));
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }

    private sealed class SectionValidator<T>(string section) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var results = new List<ValidationResult>();
            if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
            {
                return ValidateOptionsResult.Success;
            }
            return ValidateOptionsResult.Fail(results.Select(result =>
                $"{section}:{string.Join(", ", result.MemberNames)}: {result.ErrorMessage}"));
        }
    }
}
