using CilPortal.Domain.Exchanges;
using CilPortal.Domain.Stock;

namespace CilPortal.Infrastructure.Statistics;

/// <summary>
/// A number that changes whenever what the exchange search shows is saved (listings, their photos, members, residences),
/// so that the search's cached results (<see cref="CilPortal.Infrastructure.Exchanges.ExchangeSearchCache"/>) are read
/// again at the next search. Apart from <see cref="StatisticsVersion"/>: a listing edited must not throw away the key
/// figures, which take a second to compute on a metropolis.
/// </summary>
public sealed class ExchangeVersion() : DataVersion(
    new HashSet<Type> { typeof(ExchangeListing), typeof(ListingPhoto), typeof(ExchangeMember), typeof(Residence) });
