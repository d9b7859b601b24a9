using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace CilPortal.Web.Infrastructure;

/// <summary>Model-binding error messages in French.</summary>
public static class FrenchModelBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        provider.SetMissingBindRequiredValueAccessor(name => $"Le champ « {name} » est obligatoire.");
        provider.SetMissingKeyOrValueAccessor(() => "Une valeur est obligatoire.");
        provider.SetMissingRequestBodyRequiredValueAccessor(() => "Le formulaire est vide.");
        provider.SetValueMustNotBeNullAccessor(value => $"La valeur « {value} » n'est pas valable.");
        provider.SetAttemptedValueIsInvalidAccessor((value, name) => $"La valeur « {value} » n'est pas valable pour « {name} ».");
        provider.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"La valeur « {value} » n'est pas valable.");
        provider.SetUnknownValueIsInvalidAccessor(name => $"La valeur saisie n'est pas valable pour « {name} ».");
        provider.SetNonPropertyUnknownValueIsInvalidAccessor(() => "La valeur saisie n'est pas valable.");
        provider.SetValueIsInvalidAccessor(value => $"La valeur « {value} » n'est pas valable.");
        provider.SetValueMustBeANumberAccessor(name => $"Le champ « {name} » doit être un nombre.");
        provider.SetNonPropertyValueMustBeANumberAccessor(() => "Ce champ doit être un nombre.");
    }
}

/// <summary>
/// The message of the [Required] that ASP.NET Core adds by itself to every non-nullable reference property (and of a
/// [Required] written without a message), in French: without it a person reads « The … field is required. ».
/// Runs after the data-annotations provider that adds that attribute.
/// </summary>
public sealed class FrenchRequiredMessage : IValidationMetadataProvider
{
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var required in context.ValidationMetadata.ValidatorMetadata.OfType<RequiredAttribute>())
        {
            if (string.IsNullOrEmpty(required.ErrorMessage) && required.ErrorMessageResourceType is null)
            {
                required.ErrorMessage = "Le champ « {0} » est obligatoire.";
            }
        }
    }
}
