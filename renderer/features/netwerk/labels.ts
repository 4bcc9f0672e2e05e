/** Names on the map: the placement lives in shared/ (the view, the plates and the slides place names the same way). */
export * from '../../../shared/netwerk-labels';
