"""The Lambert-93 projection SIRENE positions are published in."""

import pytest

from maillage.core import lambert93


def test_the_projection_origin_is_3_degrees_east_46_5_north():
    assert lambert93.to_lonlat(700000, 6600000) == pytest.approx((3.0, 46.5), abs=1e-9)


@pytest.mark.parametrize(("lon", "lat"), [(-2.0852, 47.6517), (7.75, 48.58), (9.45, 42.7)])
def test_a_point_comes_back_where_it_was_projected(lon, lat):
    x, y = lambert93.from_lonlat(lon, lat)

    assert lambert93.to_lonlat(x, y) == pytest.approx((lon, lat), abs=1e-9)
