namespace CilPortal.Web.Infrastructure;

/// <summary>How to reach the EPCI's housing service (section <c>Contact</c>), shown on /contact.</summary>
public sealed class ContactOptions
{
    public const string Section = "Contact";

    public string? Email { get; set; }

    public string? Phone { get; set; }

    /// <summary>Postal address, lines separated by "\n".</summary>
    public string? PostalAddress { get; set; }

    /// <summary>E-mail of the data protection officer (délégué à la protection des données).</summary>
    public string? DataProtectionOfficerEmail { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Email) && string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(PostalAddress);
}
