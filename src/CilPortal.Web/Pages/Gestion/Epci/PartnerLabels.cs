using CilPortal.Domain.Partners;

namespace CilPortal.Web.Pages.Gestion.Epci;

/// <summary>French names of the kinds of bailleurs and réservataires.</summary>
public static class PartnerLabels
{
    public static IReadOnlyList<BailleurKind> BailleurKinds { get; } = Enum.GetValues<BailleurKind>();

    public static IReadOnlyList<ReservataireKind> ReservataireKinds { get; } = Enum.GetValues<ReservataireKind>();

    public static string Bailleur(BailleurKind kind) => kind switch
    {
        BailleurKind.Oph => "Office public de l'habitat (OPH)",
        BailleurKind.Esh => "Entreprise sociale pour l'habitat (ESH)",
        BailleurKind.Sem => "Société d'économie mixte (SEM)",
        _ => kind.ToString(),
    };

    public static string Reservataire(ReservataireKind kind) => kind switch
    {
        ReservataireKind.Prefet => "Préfet (contingent préfectoral)",
        ReservataireKind.ActionLogement => "Action Logement",
        ReservataireKind.Commune => "Commune",
        ReservataireKind.Epci => "Intercommunalité",
        ReservataireKind.Bailleur => "Bailleur (flux propre)",
        ReservataireKind.Other => "Autre réservataire",
        _ => kind.ToString(),
    };

    /// <summary>A SIREN: 9 digits whose Luhn checksum is right.</summary>
    public static bool IsValidSiren(string siren)
    {
        ArgumentNullException.ThrowIfNull(siren);
        if (siren.Length != 9 || !siren.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var digit = siren[i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }
}
