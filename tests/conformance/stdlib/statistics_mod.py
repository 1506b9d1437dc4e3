# Pins: statistics: mean/median/mode/stdev/variance families with ints, floats, Fractions and Decimals, quantiles, correlation, NormalDist and errors.
import statistics as st
from fractions import Fraction as F
from decimal import Decimal as D
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(data), st.fmean(data), st.geometric_mean([1, 2, 4]), st.harmonic_mean([1, 2, 4]))
print(st.median(data), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]), st.median_grouped([1, 2, 2, 3, 4]))
print(st.mode(data), st.mode("aabbbc"), st.multimode("aabbcc"), st.multimode([]))
print(st.pstdev(data), st.pvariance(data), st.stdev(data), st.variance(data))
print(st.mean([F(1, 3), F(2, 3)]), st.mean([D("1.1"), D("2.2")]), st.variance([F(1), F(2), F(4)]), st.median([D("1"), D("3")]))
print(st.quantiles(range(1, 11)), st.quantiles(range(1, 11), n=4, method="inclusive"), st.quantiles([1, 2], n=3))
x, y = [1, 2, 3, 4, 5], [2, 4, 5, 4, 5]
print(st.correlation(x, y), st.covariance(x, y), st.linear_regression(x, y))
print(st.correlation(x, y, method="ranked"), st.linear_regression(x, y, proportional=True))
nd = st.NormalDist(100, 15)
print(nd, nd.mean, nd.stdev, nd.variance, round(nd.cdf(115), 10), round(nd.pdf(100), 12), round(nd.inv_cdf(0.975), 8))
print(nd + 5, nd * 2, round(nd.overlap(st.NormalDist(110, 15)), 10), [round(q, 6) for q in nd.quantiles()], round(nd.zscore(130), 10))
print(st.NormalDist.from_samples([1, 2, 3, 4]), st.NormalDist() == st.NormalDist(0, 1))
for call in [lambda: st.mean([]), lambda: st.stdev([1]), lambda: st.mode([]), lambda: st.harmonic_mean([-1]), lambda: st.correlation([1, 1], [1, 2]),
             lambda: st.quantiles([1]), lambda: st.NormalDist(0, -1), lambda: st.geometric_mean([0, 1])]:
    try:
        print(call())
    except st.StatisticsError as e:
        print("StatisticsError:", e)
    except ValueError as e:
        print("ValueError:", e)
print(st.kde([1, 2, 3], h=1)(2) > 0, round(st.kde([1, 2, 3], h=1, kernel="triangular")(2.5), 10))
print(st.mean([True, False, True]), st.fmean([1, 2, 3], weights=[3, 2, 1]), st.median([]) if False else "ok")
