# Pins: statistics: mean/fmean/geometric/harmonic, median variants, mode/multimode, quantiles methods, variance/stdev with Fractions/Decimals, correlation/regression, NormalDist, StatisticsError.
import statistics as st
from fractions import Fraction as F
from decimal import Decimal as D
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(data), st.fmean(data), st.median(data), st.median_low(data), st.median_high(data), st.mode(data))
print(st.pstdev(data), st.pvariance(data), round(st.stdev(data), 12), st.variance(data))
print(st.mean([F(1, 2), F(1, 3)]), st.mean([D("1.1"), D("2.2")]), st.variance([F(1), F(2), F(4)]), st.median([D("1.5"), D("0.5"), D("3")]))
print(st.fmean([1, 2, 3], weights=[3, 1, 0]), round(st.geometric_mean([1, 2, 4, 8]), 12), st.harmonic_mean([40, 60]), st.harmonic_mean([1, 2], weights=[1, 3]))
print(st.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]), st.median_grouped([52, 52, 53, 54], interval=2))
print(st.multimode("aabbbccccdddd"), st.multimode([]), st.mode(["red", "blue", "red"]), st.mode([1, 1, 2, 2]))
print(st.quantiles(range(1, 11)), st.quantiles(range(1, 11), n=10), st.quantiles(range(1, 11), method="inclusive"), st.quantiles([1, 5], n=2))
x = [1, 2, 3, 4, 5]; y = [2, 4, 5, 4, 5]
print(round(st.correlation(x, y), 12), st.covariance(x, y), st.linear_regression(x, y), st.linear_regression(x, [2 * v for v in x], proportional=True))
print(round(st.correlation(x, [5, 4, 3, 2, 1], method="ranked"), 12))
nd = st.NormalDist(100, 15)
print(nd, nd.mean, nd.stdev, nd.variance, round(nd.cdf(115), 12), round(nd.pdf(100), 12), round(nd.inv_cdf(0.975), 9))
print(nd + 5, nd * 2, nd - st.NormalDist(10, 20), round(nd.overlap(st.NormalDist(110, 15)), 12), round(nd.zscore(130), 12))
print([round(q, 6) for q in nd.quantiles(4)], st.NormalDist.from_samples([1, 2, 3, 4, 5]))
print(st.NormalDist(0, 1) == st.NormalDist(0, 1), round(st.NormalDist().cdf(0), 12))
errors = [
    lambda: st.mean([]), lambda: st.median([]), lambda: st.variance([1]), lambda: st.stdev([]), lambda: st.mode([]),
    lambda: st.quantiles([1], n=4), lambda: st.quantiles([1, 2], n=0), lambda: st.harmonic_mean([-1, 2]), lambda: st.correlation([1, 2], [1]),
    lambda: st.NormalDist(0, -1), lambda: st.geometric_mean([0, 1]), lambda: st.linear_regression([1, 1], [1, 2]), lambda: st.fmean([]),
]
for f in errors:
    try:
        print("ok?", f())
    except st.StatisticsError as e:
        print("StatisticsError", e)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(issubclass(st.StatisticsError, ValueError), st.mean([True, False, True]), st.mean((1.5, 2.5)), type(st.mean([1, 2])).__name__, type(st.mean([1, 2, 4])).__name__)
print(st.pvariance([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.stdev([D("1.0"), D("2.0"), D("3.0")]))
print(st.kde([1, 2, 3], h=1)(2) > 0 if hasattr(st, "kde") else "no kde")
