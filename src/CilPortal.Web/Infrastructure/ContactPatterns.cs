namespace CilPortal.Web.Infrastructure;

/// <summary>One rule for the phone numbers typed in the portal's forms (at most 20 characters, the column size).</summary>
public static class ContactPatterns
{
    public const string Phone = @"^\+?[0-9 .]{10,19}$";

    public const string PhoneMessage = "Saisissez un numéro de téléphone de 10 chiffres, par exemple 06 12 34 56 78.";
}
