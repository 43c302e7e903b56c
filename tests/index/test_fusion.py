from index.fusion import convex, reciprocal_rank


def test_rrf_rewards_items_ranked_well_by_both_lists():
    dense = [(1, 0.9), (2, 0.8), (3, 0.1)]
    lexical = [(2, 12.0), (3, 5.0), (1, 1.0)]
    fused = reciprocal_rank([dense, lexical])
    assert [item for item, _ in fused][0] == 2
    assert abs(dict(fused)[2] - (1 / 62 + 1 / 61)) < 1e-12


def test_rrf_weights_shift_the_order():
    dense = [(1, 0.9), (2, 0.8)]
    lexical = [(2, 9.0), (1, 1.0)]
    assert reciprocal_rank([dense, lexical], weights=[2.0, 1.0])[0][0] == 1
    assert reciprocal_rank([dense, lexical], weights=[1.0, 2.0])[0][0] == 2


def test_convex_normalizes_each_list_before_weighting():
    dense = [(1, 0.90), (2, 0.85), (3, 0.20)]
    lexical = [(3, 40.0), (2, 35.0), (1, 0.0)]
    fused = dict(convex([dense, lexical], weights=[0.5, 0.5]))
    # item 2 is near the top of both lists, so it beats each list's own winner
    assert max(fused, key=fused.get) == 2
    assert fused[1] == 0.5  # top of dense (1.0 * 0.5), bottom of lexical (0)


def test_item_missing_from_one_list_scores_zero_there():
    fused = dict(convex([[(1, 1.0), (2, 0.0)], []], weights=[0.6, 0.4]))
    assert fused == {1: 0.6, 2: 0.0}
